import { randomInt } from 'node:crypto';
import { type APIRequestContext, expect, test } from '@playwright/test';
import {
  cainiaoTrackingNumber,
  confirmShipment,
  type DemoOrderTemplate,
  expectAccessible,
  operatorHeaders,
  placeDemoOrder,
  sandboxNow,
  signIn,
  usd,
} from './support';

// Working on an order from its page: the seller uploads a pickup proof (FUL-5) and answers a
// buyer's refund request with evidence (DSP-1); the API then says what changed.

const MUG_ORDER: DemoOrderTemplate = {
  lines: [{ sku: 'SKU-MUG', title: 'Tea mug', quantity: 2, unitPrice: usd('1500') }],
  shippingFee: usd('500'),
  shippingAddress: { name: 'Action Buyer', line1: '2 Rue de Rivoli', city: 'Paris', country: 'FR' },
};

/** A minimal PDF the server's content check accepts (as test/support/fulfillment.ts tinyPdf). */
const tinyPdf = (note: string): Buffer =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n% ${note}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

/** A minimal PNG, as test/support/disputes.ts tinyPng: signature, an IHDR-sized gap and IEND. */
const tinyPng = (): Buffer =>
  Buffer.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...new Array<number>(20).fill(0),
    0x49,
    0x45,
    0x4e,
    0x44,
    0xae,
    0x42,
    0x60,
    0x82,
  ]);

/** A shipped order of store-shenzhen, paid a minute ago; answers its id and package. */
async function shippedOrder(request: APIRequestContext, prefix: string) {
  const marketplaceOrderId = `${prefix}-${Date.now().toString(36).toUpperCase()}${randomInt(1000)}`;
  const placed = await placeDemoOrder(request, {
    ...MUG_ORDER,
    marketplaceOrderId,
    paidAt: (await sandboxNow(request)) - 60_000,
  });
  const pkg = await confirmShipment(request, placed.id, cainiaoTrackingNumber());
  return { orderId: placed.id, packageId: pkg.id };
}

/** Every open logistics-proof task of store-shenzhen, all pages, as the operator sees them. */
async function proofTasks(request: APIRequestContext): Promise<{ kind: string; packageId: string }[]> {
  const tasks: { kind: string; packageId: string }[] = [];
  let cursor: string | null = null;
  do {
    const response = await request.get('/v1/review-tasks', {
      headers: operatorHeaders(),
      params: {
        kind: 'LOGISTICS_PROOF',
        storeId: 'store-shenzhen',
        limit: '100',
        ...(cursor ? { cursor } : {}),
      },
    });
    expect(response.status(), await response.text()).toBe(200);
    const page = (await response.json()) as {
      items: { kind: string; packageId: string }[];
      nextCursor: string | null;
    };
    tasks.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return tasks;
}

test('a seller uploads a pickup proof from the order page', async ({ page, request }) => {
  const { orderId, packageId } = await shippedOrder(request, 'PROOF');

  await signIn(page, 'demo-admin', 'demo-admin-password');
  await page.goto(`/console/orders/${orderId}`);
  const packages = page.getByRole('region', { name: 'Packages' });
  await expect(packages.getByRole('button', { name: 'Upload proof' })).toBeVisible();

  // Not a PDF: refused in the browser, nothing sent.
  const proof = packages.getByLabel('Pickup proof (PDF)');
  await proof.setInputFiles({ name: 'proof.pdf', mimeType: 'application/pdf', buffer: Buffer.from('hello') });
  await packages.getByRole('button', { name: 'Upload proof' }).click();
  await expect(packages.getByRole('alert')).toHaveText('The file is not a PDF.');

  await proof.setInputFiles({
    name: 'pickup-proof.pdf',
    mimeType: 'application/pdf',
    buffer: tinyPdf(orderId),
  });
  await proof.focus();
  await page.keyboard.press('Tab');
  await expect(packages.getByRole('button', { name: 'Upload proof' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(packages.getByRole('status')).toContainText('Proof uploaded: review due');
  await expect(packages.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page);

  expect(await proofTasks(request)).toContainEqual(
    expect.objectContaining({ kind: 'LOGISTICS_PROOF', packageId }),
  );
});

test('a seller answers a refund request with evidence', async ({ page, request }, testInfo) => {
  const { orderId } = await shippedOrder(request, 'REFUND');
  const opened = await request.post('/v1/disputes/requests', {
    headers: operatorHeaders(),
    data: {
      requestId: `rr-${orderId}`,
      orderId,
      kind: 'REFUND_ONLY',
      amount: usd('1500'),
      reason: 'one mug arrived chipped',
    },
  });
  expect(opened.status(), await opened.text()).toBe(201);
  const { id: requestId } = (await opened.json()) as { id: string };

  await signIn(page, 'demo-admin', 'demo-admin-password');
  await page.goto(`/console/orders/${orderId}`);
  const refunds = page.getByRole('region', { name: 'Refunds and disputes' });
  const form = refunds.getByRole('form', { name: 'Answer refund request' });
  await expect(form).toBeVisible();

  await form.getByLabel('Offer a partial refund').check();
  // More than was asked: refused beside the amount, exactly (no float rounding).
  await form.getByLabel('Partial refund amount (USD)').fill('15.00');
  await form.getByLabel('Reason for the partial refund').fill('one of two mugs chipped; photo attached');
  await form.getByLabel('Evidence (PDF, JPEG or PNG)').setInputFiles({
    name: 'chipped-mug.png',
    mimeType: 'image/png',
    buffer: tinyPng(),
  });
  await form.getByRole('button', { name: 'Send answer' }).click();
  await expect(form.getByText('A partial refund is less than the amount requested.')).toBeVisible();
  await expect(form.getByLabel('Partial refund amount (USD)')).toBeFocused();

  await form.getByLabel('Partial refund amount (USD)').fill('7.50');
  await form.getByRole('button', { name: 'Send answer' }).click();
  await expect(refunds.getByRole('status')).toContainText(
    'Answer sent. The request is now: Partial refund offered.',
  );
  await expect(refunds.getByRole('status')).toContainText('Next deadline:');
  await expect(form).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('order-actions.png'), fullPage: true });

  const answered = await request.get(`/v1/disputes/requests/${requestId}`, { headers: operatorHeaders() });
  expect(answered.status(), await answered.text()).toBe(200);
  const body = (await answered.json()) as { status: string; buyerDueAt: string | null; answer: unknown };
  expect(body.status).toBe('OFFERED');
  expect(body.buyerDueAt).not.toBeNull();
  expect(body.answer).toMatchObject({ answer: 'PARTIAL', amountMinor: '750' });
});
