import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  arbitrationQueueIds,
  demoSellerToken,
  escalatedCase,
  refundRequest,
  solidPng,
} from './arbitration-api';
import { expectAccessible, sandboxNow, signIn, textPdf, usd } from './support';

// The operators' arbitration page (DSP-4) against the built app (test/browser/serve.mjs). Two
// cases are set up through the public API (test/browser/arbitration-api.ts): a refusal the seller
// escalated and a partial offer the buyer declined, each with both sides' evidence files.

test("DSP-4: an operator decides an arbitration case seeing both sides' evidence", async ({
  page,
  request,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  const now = await sandboxNow(request);
  const seller = await demoSellerToken(browser, baseURL!);
  const refused = await escalatedCase(request, seller, {
    prefix: 'ARB-REFUSED',
    now,
    requested: usd('4999'),
    claim: 'The lamp arrived with a cracked base.',
    buyerFiles: [
      { name: 'cracked-base.png', mimeType: 'image/png', buffer: solidPng(120, 80, [200, 60, 40]) },
      {
        name: 'unboxing-notes.pdf',
        mimeType: 'application/pdf',
        buffer: textPdf(['Unboxing notes', 'Base cracked']),
      },
    ],
    seller: {
      answer: 'REFUSE',
      reason: 'ITEM_AS_DESCRIBED',
      files: [
        {
          name: 'packing-record.pdf',
          mimeType: 'application/pdf',
          buffer: textPdf(['Packing record', 'Lamp checked intact before dispatch']),
        },
      ],
      escalation: 'Our packing record shows the lamp left intact.',
    },
  });
  const offered = await escalatedCase(request, seller, {
    prefix: 'ARB-OFFERED',
    now,
    requested: usd('4999'),
    claim: 'The shade is scratched.',
    buyerFiles: [
      { name: 'scratched-shade.png', mimeType: 'image/png', buffer: solidPng(60, 60, [90, 90, 90]) },
    ],
    seller: {
      answer: 'PARTIAL',
      amount: usd('1000'),
      reason: 'A small scratch: ten dollars back.',
      files: [{ name: 'shade-photo.png', mimeType: 'image/png', buffer: solidPng(60, 60, [30, 120, 30]) }],
    },
  });
  // Which object URLs the page frees (the console's CSP keeps a test from reading blob: URLs itself).
  await page.addInitScript(() => {
    const revokedUrls: string[] = [];
    const revoke = URL.revokeObjectURL.bind(URL);
    Object.assign(window, { revokedUrls });
    URL.revokeObjectURL = (url: string) => {
      revokedUrls.push(url);
      revoke(url);
    };
  });
  // Tall enough for the whole page with a case and a file open, for the full-page picture.
  await page.setViewportSize({ width: 1280, height: 2400 });

  await signIn(page, 'demo-operator', 'demo-operator-password', 'a platform operator');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Arbitration' }).click();
  await expect(page).toHaveURL(/\/console\/arbitration$/);
  await expect(page.getByRole('heading', { name: 'Arbitration', level: 1 })).toBeVisible();

  // Both cases in the queue: the order (a link to its page), store, exact amount, when, how long, by whom.
  const openRefused = page.getByRole('button', {
    name: `Open case ${refused.marketplaceRequestId}`,
    exact: true,
  });
  const openOffered = page.getByRole('button', {
    name: `Open case ${offered.marketplaceRequestId}`,
    exact: true,
  });
  await expect(openRefused).toBeVisible();
  await expect(openOffered).toBeVisible();
  const refusedRow = page.getByRole('row').filter({ has: openRefused });
  await expect(refusedRow.getByRole('link', { name: refused.orderId })).toHaveAttribute(
    'href',
    `/console/orders/${refused.orderId}`,
  );
  await expect(refusedRow).toContainText('store-chengdu');
  await expect(refusedRow).toContainText('$49.99');
  await expect(refusedRow.getByRole('cell', { name: 'Seller', exact: true })).toBeVisible();
  await expect(refusedRow.locator(`time[datetime="${refused.escalation!.at}"]`)).toHaveAttribute(
    'title',
    refused.escalation!.at,
  );
  await expect(refusedRow.getByText(/^waiting \d+h \d{2}m$/)).toBeVisible();
  const offeredRow = page.getByRole('row').filter({ has: openOffered });
  await expect(offeredRow.getByRole('cell', { name: 'Buyer', exact: true })).toBeVisible();

  // The refused case, opened from the keyboard: its whole story, read afresh.
  await openRefused.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: `Case ${refused.marketplaceRequestId}` });
  await expect(
    panel.getByRole('heading', { name: `Case ${refused.marketplaceRequestId}`, level: 2 }),
  ).toBeFocused();
  await expect(openRefused).toHaveAttribute('aria-expanded', 'true');
  const buyerSide = panel.getByRole('region', { name: "The buyer's claim" });
  await expect(buyerSide).toContainText('The lamp arrived with a cracked base.');
  await expect(buyerSide).toContainText('$49.99');
  const buyerFiles = buyerSide.getByRole('list', { name: "The buyer's evidence" });
  await expect(buyerFiles.getByRole('listitem')).toHaveCount(2);
  await expect(buyerFiles.getByRole('listitem').nth(0)).toContainText('cracked-base.png');
  await expect(buyerFiles.getByRole('listitem').nth(0)).toContainText('PNG image');
  await expect(buyerFiles.getByRole('listitem').nth(1)).toContainText('unboxing-notes.pdf');
  const sellerSide = panel.getByRole('region', { name: "The seller's answer" });
  await expect(sellerSide).toContainText('Refused');
  await expect(sellerSide).toContainText('Item as described');
  const sellerFiles = sellerSide.getByRole('list', { name: "The seller's evidence" });
  await expect(sellerFiles.getByRole('listitem')).toHaveCount(1);
  await expect(sellerFiles.getByRole('listitem')).toContainText('packing-record.pdf');
  const escalation = panel.getByRole('region', { name: 'Escalation' });
  await expect(escalation).toContainText('Seller');
  await expect(escalation).toContainText('Our packing record shows the lamp left intact.');

  // The buyer's photo in the viewer, fetched with the operator's token.
  const photoAnswer = page.waitForResponse((response) =>
    new URL(response.url()).pathname.startsWith(`/v1/disputes/requests/${refused.id}/evidence/`),
  );
  await buyerSide.getByRole('button', { name: 'View cracked-base.png' }).click();
  const answer = await photoAnswer;
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toMatch(/^image\/png/);
  const viewer = panel.getByRole('region', { name: /^File: cracked-base\.png/ });
  await expect(viewer.getByRole('heading', { level: 3 })).toBeFocused();
  await expect(viewer).toContainText("The buyer's evidence");
  // The picture itself, drawn at its size with its name as its text; its object URL for the links.
  await expect
    .poll(() =>
      viewer
        .getByRole('img', { name: 'cracked-base.png' })
        .evaluate((img: HTMLImageElement) => `${img.naturalWidth}x${img.naturalHeight}`),
    )
    .toBe('120x80');
  const newTab = viewer.getByRole('link', { name: 'Open in a new tab' });
  await expect(newTab).toHaveAttribute('href', /^blob:/);
  const blobUrl = (await newTab.getAttribute('href'))!;

  // The seller's PDF downloads under its own name.
  const download = page.waitForEvent('download');
  await sellerFiles.getByRole('button', { name: 'Download packing-record.pdf' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('packing-record.pdf');
  const saved = testInfo.outputPath('packing-record.pdf');
  await file.saveAs(saved);
  expect((await readFile(saved)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await expectAccessible(page);
  await page.screenshot({
    path: path.join(testInfo.project.outputDir, 'screenshots', 'arbitration.png'),
    fullPage: true,
  });

  // The seller's PDF in the viewer instead, in the browser's PDF viewer: the photo's object URL is freed.
  await sellerFiles.getByRole('button', { name: 'View packing-record.pdf' }).click();
  const pdfViewer = panel.getByRole('region', { name: /^File: packing-record\.pdf/ });
  await expect(pdfViewer).toContainText("The seller's evidence");
  const frame = pdfViewer.locator('iframe[title="packing-record.pdf"]');
  await expect(frame).toHaveAttribute('src', /^blob:/);
  const pdfUrl = (await frame.getAttribute('src'))!;
  const revoked = (url: string) =>
    page.evaluate((blob) => (window as unknown as { revokedUrls: string[] }).revokedUrls.includes(blob), url);
  expect(await revoked(blobUrl)).toBe(true);
  expect(await revoked(pdfUrl)).toBe(false);

  // Closing the file frees its object URL too; focus goes back to the button that opened it.
  await pdfViewer.getByRole('button', { name: 'Close file' }).click();
  await expect(pdfViewer).toHaveCount(0);
  await expect(sellerFiles.getByRole('button', { name: 'View packing-record.pdf' })).toBeFocused();
  expect(await revoked(pdfUrl)).toBe(true);

  // A partial refund: the amount is checked exactly before anything is sent, and a reason is required.
  const decision = panel.getByRole('radiogroup', { name: 'Decision' });
  await expect(decision.getByRole('radio')).toHaveCount(3);
  await decision.getByRole('radio', { name: 'Partial refund' }).check();
  const amount = panel.getByLabel('Refund amount (USD)');
  await amount.fill('49.99');
  await panel.getByRole('button', { name: 'Record decision' }).click();
  await expect(panel.getByText('A partial refund is less than the amount requested.')).toBeVisible();
  await expect(panel.getByText('Give a reason.')).toBeVisible();
  await expect(amount).toBeFocused();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');

  const reason = 'The base cracked in transit; the shade and bulb are fine: 20.50 of 49.99 back.';
  await amount.fill('20.50');
  await panel.getByLabel('Reason').fill(reason);
  await panel.getByRole('button', { name: 'Record decision' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Decision recorded' });
  await expect(status).toContainText(
    `Decision recorded for case ${refused.marketplaceRequestId}: partial refund of $20.50.`,
  );
  await expect(status).toContainText(/The request is now: (Refunding|Closed)\./);
  await expect(panel).toBeHidden();
  await expect(openRefused).toHaveCount(0);
  await expect(openOffered).toBeVisible();
  await expectAccessible(page);

  // The API agrees: decided as chosen, and the other case still awaits a decision.
  const decided = await refundRequest(request, refused.id);
  expect(decided.arbitration).toMatchObject({ decision: 'PARTIAL', amountMinor: '2050', reason });
  expect(['REFUNDING', 'CLOSED']).toContain(decided.status);
  const queue = await arbitrationQueueIds(request);
  expect(queue).toContain(offered.id);
  expect(queue).not.toContain(refused.id);
  expect((await refundRequest(request, offered.id)).status).toBe('ESCALATED');

  // The page speaks Chinese too.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '纠纷仲裁', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '裁决' })).toContainText(
    `已记录案件 ${refused.marketplaceRequestId} 的裁决：部分退款 US$20.50。`,
  );
  await expect(page.getByRole('button', { name: `打开案件 ${offered.marketplaceRequestId}` })).toBeVisible();
  await expectAccessible(page);
});

test('DSP-4: seller staff are told that operators decide arbitration cases', async ({ page }) => {
  await signIn(page, 'demo-admin', 'demo-admin-password');
  await expect(page.getByText('Demo admin')).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Arbitration' }),
  ).toHaveCount(0);

  await page.goto('/console/arbitration');
  await expect(page.getByRole('heading', { name: 'Arbitration', level: 1 })).toBeVisible();
  await expect(page.getByText('Arbitration cases are decided by platform operators.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Open case / })).toHaveCount(0);
});
