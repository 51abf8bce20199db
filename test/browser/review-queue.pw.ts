import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type APIRequestContext, expect, test } from '@playwright/test';
import {
  cainiaoTrackingNumber,
  confirmShipment,
  type DemoOrderTemplate,
  expectAccessible,
  operatorHeaders,
  placeDemoOrder,
  postTrackingEvent,
  sandboxNow,
  signIn,
  textPdf,
  usd,
} from './support';

// The operators' review queue against the built app (test/browser/serve.mjs). The task is set up
// through the public API with the sandbox's dev operator token, which may place, ship and upload a
// proof for any store: an order of the demo seller is shipped, its carrier scans the pickup, and a
// pickup proof PDF is uploaded for the package, which opens a proof review task (FUL-5).

interface ReviewTask {
  id: string;
  kind: string;
  status: string;
  orderId: string;
  packageId: string;
  slaDueAt: string | null;
  decidedBy: string | null;
  reason: string | null;
}

/** The order each run places in store-shenzhen, but for its id and paid-at. */
const PROOF_ORDER: DemoOrderTemplate = {
  lines: [{ sku: 'SKU-PROOF', title: 'Proof test item', quantity: 1, unitPrice: usd('2599') }],
  shippingFee: usd('0'),
  shippingAddress: {
    name: 'Proof Buyer',
    line1: '5 Rue de Rivoli',
    city: 'Paris',
    postalCode: '75001',
    country: 'FR',
  },
};

/** Ships the order (FUL-1, FUL-2), scans its pickup, uploads a pickup proof: the open task. */
async function openProofTask(
  request: APIRequestContext,
): Promise<{ task: ReviewTask; trackingNumber: string }> {
  const runId = `${Date.now().toString(36)}${randomInt(46_656).toString(36)}`.toUpperCase();
  const { id: orderId } = await placeDemoOrder(request, {
    ...PROOF_ORDER,
    marketplaceOrderId: `PRF-${runId}`,
    paidAt: (await sandboxNow(request)) - 30 * 60_000,
  });
  const trackingNumber = cainiaoTrackingNumber();
  const { id: packageId } = await confirmShipment(request, orderId, trackingNumber);

  // The carrier's pickup scan, so the panel has a tracking history to show beside the proof.
  const pickedUpAt = new Date((await sandboxNow(request)) - 60_000);
  await postTrackingEvent(request, {
    eventId: `pickup-${runId}`,
    trackingNumber,
    type: 'PICKUP',
    occurredAt: pickedUpAt,
    location: 'Shenzhen sorting centre',
  });

  const uploaded = await request.post(`/v1/packages/${packageId}/proofs`, {
    headers: operatorHeaders(),
    multipart: {
      file: {
        name: 'pickup-proof.pdf',
        mimeType: 'application/pdf',
        buffer: textPdf([
          'CAINIAO pickup proof',
          `Waybill ${trackingNumber}`,
          `Picked up ${pickedUpAt.toISOString()}`,
        ]),
      },
    },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const task = (await uploaded.json()) as ReviewTask;
  expect(task).toMatchObject({ kind: 'LOGISTICS_PROOF', status: 'OPEN', orderId, packageId });
  expect(task.slaDueAt).not.toBeNull();
  return { task, trackingNumber };
}

test('an operator accepts a pickup proof from the review queue', async ({ page, request }, testInfo) => {
  const { task, trackingNumber } = await openProofTask(request);
  // Tall enough for the whole page with the task open: the PDF viewer paints only what lies in
  // the viewport, and a full-page picture of a taller page would resize it mid-paint.
  await page.setViewportSize({ width: 1280, height: 2100 });

  await signIn(page, 'demo-operator', 'demo-operator-password', 'a platform operator');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Review queue' }).click();
  await expect(page).toHaveURL(/\/console\/review-queue$/);
  await expect(page.getByRole('heading', { name: 'Review queue', level: 1 })).toBeVisible();

  // The task's row: its kind, ids, store and the SLA clock (due in the viewer's zone, UTC in the title).
  const openButton = page.getByRole('button', { name: `Open task ${task.id}`, exact: true });
  await expect(openButton).toHaveText('Open');
  const row = page.getByRole('row').filter({ has: openButton });
  await expect(row).toContainText('Proof review');
  await expect(row).toContainText(task.orderId);
  await expect(row).toContainText(task.packageId);
  await expect(row).toContainText('store-shenzhen');
  await expect(row.locator(`time[datetime="${task.slaDueAt}"]`)).toHaveAttribute('title', task.slaDueAt!);
  await expect(row.getByText(/^\d+h \d{2}m left$/)).toBeVisible();

  // The kind filter: abnormal-logistics cases only leaves the proof out; all kinds bring it back.
  const kind = page.getByLabel('Kind');
  await kind.selectOption('ABNORMAL_LOGISTICS');
  await expect(openButton).toHaveCount(0);
  await kind.selectOption('');
  await expect(openButton).toBeVisible();

  // Opened from the keyboard; the panel fetches the proof with the bearer token.
  const proofAnswer = page.waitForResponse((response) =>
    response.url().endsWith(`/v1/review-tasks/${task.id}/proof`),
  );
  await openButton.focus();
  await page.keyboard.press('Enter');
  const answer = await proofAnswer;
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toMatch(/^application\/pdf/);

  const panel = page.getByRole('region', { name: `Task ${task.id.slice(0, 8)}` });
  await expect(panel.getByRole('heading', { name: `Task ${task.id.slice(0, 8)}` })).toBeFocused();
  await expect(panel).toContainText(trackingNumber);
  const frame = panel.locator('iframe[title="Pickup proof"]');
  await expect(frame).toBeVisible();
  await expect(frame).toHaveAttribute('src', /^blob:/);
  // The browser's PDF viewer took the blob (the page's CSP lets it be framed; a refusal would
  // leave an error page in the frame instead).
  const pdfViewer = () => page.frames().find((f) => f.url().startsWith('chrome-extension://'));
  await expect.poll(() => pdfViewer()?.url()).toMatch(/\/index\.html$/);
  const history = panel.getByRole('list', { name: 'Tracking history' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('listitem').first()).toContainText('Picked up');
  await expect(history.getByRole('listitem').first()).toContainText('Shenzhen sorting centre');

  // The download link saves the same PDF.
  const download = page.waitForEvent('download');
  await panel.getByRole('link', { name: 'Download proof' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('pickup-proof.pdf');
  const saved = testInfo.outputPath('downloaded-proof.pdf');
  await file.saveAs(saved);
  expect((await readFile(saved)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Only the decisions a proof allows.
  const decision = panel.getByRole('radiogroup', { name: 'Decision' });
  await expect(decision.getByRole('radio')).toHaveCount(3);
  await expect(decision.getByRole('radio', { name: 'Close case' })).toHaveCount(0);

  // For the picture: the viewer draws the page a moment after its frame has loaded.
  await pdfViewer()
    ?.locator('viewer-toolbar')
    .waitFor({ timeout: 5_000 })
    .catch(() => undefined);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('review-queue.png'), fullPage: true });

  // A reason is required before anything is sent.
  await decision.getByRole('radio', { name: 'Accept' }).check();
  await panel.getByRole('button', { name: 'Submit decision' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Give a reason.');
  await expect(panel.getByLabel('Reason')).toBeFocused();

  const reason = `Carrier waybill ${trackingNumber} shows the pickup scan.`;
  await panel.getByLabel('Reason').fill(reason);
  await panel.getByRole('button', { name: 'Submit decision' }).click();
  await expect(page.getByRole('status')).toHaveText(`Decision recorded for task ${task.id}`);
  await expect(panel).toBeHidden();
  await expect(openButton).toHaveCount(0);
  await expectAccessible(page);

  const decided = await request.get(`/v1/review-tasks/${task.id}`, { headers: operatorHeaders() });
  expect(decided.status(), await decided.text()).toBe(200);
  expect(await decided.json()).toMatchObject({ id: task.id, status: 'ACCEPTED', reason });

  // The page speaks Chinese too.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '审核队列', level: 1 })).toBeVisible();
  await expect(page.getByLabel('类型')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(`已记录任务 ${task.id} 的决定`);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('review-queue-zh.png'), fullPage: true });
});

test('seller staff do not see the review queue', async ({ page }) => {
  await signIn(page, 'demo-admin', 'demo-admin-password');
  // Who is signed in is known once the header names them; only then is the link's absence meaningful.
  await expect(page.getByText('Demo admin')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Orders' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Review queue' })).toHaveCount(0);

  await page.goto('/console/review-queue');
  await expect(page.getByRole('heading', { name: 'Review queue', level: 1 })).toBeVisible();
  await expect(page.getByText('The review queue is worked by platform operators.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Open task / })).toHaveCount(0);
});
