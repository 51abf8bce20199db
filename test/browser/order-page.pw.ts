import { randomInt, randomUUID } from 'node:crypto';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import {
  cainiaoTrackingNumber,
  confirmShipment,
  type DemoOrderTemplate,
  expectAccessible,
  operatorHeaders,
  type OrderAnswer,
  placeDemoOrder,
  postTrackingEvent,
  sandboxNow,
  signIn,
  usd,
} from './support';

// One order's page against the built app (test/browser/serve.mjs): an order of the demo seller,
// shipped and scanned twice by the carrier through the API, read by the seller from the list.

/** The order as the operator reads it now. */
async function readOrder(request: APIRequestContext, orderId: string): Promise<OrderAnswer> {
  const response = await request.get(`/v1/orders/${orderId}`, { headers: operatorHeaders() });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as OrderAnswer;
}

/** The orders this file places in store-shenzhen, all alike but for their ids and paid-at. */
const LAMP_ORDER: DemoOrderTemplate = {
  lines: [{ sku: 'SKU-LAMP', title: 'Desk lamp', quantity: 2, unitPrice: usd('1250') }],
  shippingFee: usd('399'),
  shippingAddress: { name: 'Page Buyer', line1: '1 Calle Mayor', city: 'Madrid', country: 'ES' },
};

/**
 * A carrier scan `secondsLater` after the shipment: the sandbox's clock stands still, so scans at
 * its now would tie, and a tie's order is the event ids'.
 */
async function scan(
  request: APIRequestContext,
  trackingNumber: string,
  type: 'PICKUP' | 'IN_TRANSIT',
  location: string,
  secondsLater: number,
): Promise<void> {
  const answer = await postTrackingEvent(request, {
    eventId: `${trackingNumber}-${type}`,
    trackingNumber,
    type,
    occurredAt: (await sandboxNow(request)) + secondsLater * 1000,
    location,
  });
  expect(answer.applied).toBe(1);
}

/** What a section's description list says for one term (its definition). */
const fact = (page: Page, section: string, term: string) =>
  page
    .getByRole('region', { name: section })
    .locator('.order-fact')
    .filter({ has: page.getByRole('term').getByText(term, { exact: true }) })
    .first()
    .getByRole('definition');

test('a seller opens an order and sees its statuses, package and tracking timeline', async ({
  page,
  request,
}, testInfo) => {
  const marketplaceOrderId = `PAGE-${Date.now().toString(36).toUpperCase()}${randomInt(1000)}`;
  // Paid a minute ago, so it lists first.
  const placed = await placeDemoOrder(request, {
    ...LAMP_ORDER,
    marketplaceOrderId,
    paidAt: (await sandboxNow(request)) - 60_000,
  });
  expect(placed.status).toBe('WAIT_SELLER_SEND_GOODS');

  const trackingNumber = cainiaoTrackingNumber();
  await confirmShipment(request, placed.id, trackingNumber);
  await expect.poll(async () => (await readOrder(request, placed.id)).status).toBe('WAIT_BUYER_ACCEPT_GOODS');
  await scan(request, trackingNumber, 'PICKUP', 'Shenzhen sorting centre', 1);
  await scan(request, trackingNumber, 'IN_TRANSIT', 'Guangzhou airport', 2);
  const { shipBy } = (await readOrder(request, placed.id)).deadlines;

  // From the Shipped tab to the order's page, by the link that names the order.
  await signIn(page, 'demo-admin', 'demo-admin-password');
  await page.getByRole('tab', { name: /^Shipped/ }).click();
  await page.getByRole('link', { name: `Order ${marketplaceOrderId}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/console/orders/${placed.id}$`));

  const heading = page.getByRole('heading', { name: `Order ${marketplaceOrderId}`, level: 1 });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page.getByText(placed.id, { exact: true })).toBeVisible();
  await expect(fact(page, 'Summary', 'Status')).toContainText('Shipped');
  await expect(fact(page, 'Statuses', 'Order status')).toContainText('Shipped');
  await expect(fact(page, 'Statuses', 'Fund status')).toContainText('Not due yet');
  await expect(fact(page, 'Statuses', 'Issue status')).toContainText('None');

  // The ship-by deadline in UTC; shipped, it no longer counts down.
  const shipByFact = fact(page, 'Deadlines', 'Ship by');
  await expect(shipByFact.locator(`time[datetime="${shipBy}"]`)).toBeVisible();
  await expect(shipByFact).toContainText(/\d{4}, .+ UTC/);
  await expect(shipByFact).toContainText('No longer running');

  // The package and its carrier scans, newest first.
  const packages = page.getByRole('region', { name: 'Packages' });
  const pkg = packages.getByRole('article', { name: `Package ${trackingNumber}` });
  await expect(pkg).toBeVisible();
  await expect(fact(page, 'Packages', 'Tracking number')).toHaveText(trackingNumber);
  await expect(fact(page, 'Packages', 'Status')).toContainText('In transit');
  await expect(fact(page, 'Packages', 'Items')).toContainText('2 × Desk lamp');
  const timeline = pkg.getByRole('list', { name: `Tracking timeline of ${trackingNumber}, newest first` });
  const events = timeline.getByRole('listitem');
  await expect(events).toHaveCount(2);
  await expect(events.nth(0)).toContainText('In transit');
  await expect(events.nth(0)).toContainText('Guangzhou airport');
  await expect(events.nth(1)).toContainText('Picked up');
  await expect(events.nth(1)).toContainText('Shenzhen sorting centre');

  await expect(page.getByRole('region', { name: 'Refunds and disputes' })).toContainText(
    'No refund or return request for this order.',
  );
  // Settlement knows the order from its delivery on.
  await expect(page.getByRole('region', { name: 'Settlement' })).toContainText('Not in settlement yet');
  // CMP-6: the seller reads their own order's audit trail, its placing first recorded.
  const audit = page.getByRole('region', { name: 'Audit trail' });
  await expect(audit.getByRole('row').filter({ hasText: 'order.placed' })).toHaveCount(1);

  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('order-page.png'), fullPage: true });

  // In Chinese too.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: `订单 ${marketplaceOrderId}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: '包裹' })).toContainText('运输中');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'English' }).click();

  // Back to the list from the keyboard.
  await page.getByRole('link', { name: 'Back to orders' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/console\/orders$/);
  await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();

  // An order that does not exist: a sentence, not a crash.
  await page.goto(`/console/orders/${randomUUID()}`);
  await expect(page.getByRole('heading', { name: 'Order not found', level: 1 })).toBeVisible();
  await expect(page.getByText('No order with this id is in the stores you can see.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to orders' })).toBeVisible();
  await expectAccessible(page);
});

test("an operator sees the order's audit trail", async ({ page, request }, testInfo) => {
  const marketplaceOrderId = `AUDIT-${Date.now().toString(36).toUpperCase()}${randomInt(1000)}`;
  const placed = await placeDemoOrder(request, {
    ...LAMP_ORDER,
    marketplaceOrderId,
    paidAt: (await sandboxNow(request)) - 60_000,
  });

  await signIn(page, 'demo-operator', 'demo-operator-password', 'a platform operator');
  await page.goto(`/console/orders/${placed.id}`);
  await expect(page.getByRole('heading', { name: `Order ${marketplaceOrderId}`, level: 1 })).toBeVisible();
  const audit = page.getByRole('region', { name: 'Audit trail' });
  await expect(audit).toBeVisible();
  const placedRow = audit.getByRole('row').filter({ hasText: 'order.placed' });
  await expect(placedRow).toContainText(placed.id);
  // The changes fold away; their summary opens them from the keyboard.
  const changes = placedRow.locator('details');
  await changes.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(changes).toHaveAttribute('open', '');
  await expect(changes).toContainText(`empty → ${marketplaceOrderId}`);
  await expectAccessible(page);
  await audit.screenshot({ path: testInfo.outputPath('order-audit.png') });
});
