import { randomInt } from 'node:crypto';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
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

// Shipping a selection from the awaiting list against the built app (test/browser/serve.mjs):
// three orders of store-hangzhou picked by their checkboxes and shipped in one batch, one of them
// refused (its tracking number is another buyer's already) and sent again once fixed.

const STORE = 'store-hangzhou';

const ORDER: DemoOrderTemplate = {
  storeId: STORE,
  lines: [{ sku: 'SKU-SELECT', title: 'Selection test item', quantity: 1, unitPrice: usd('1599') }],
  shippingFee: usd('199'),
  shippingAddress: { name: 'Selection Buyer', line1: '8 Xihu Road', city: 'Hangzhou', country: 'CN' },
};

async function orderStatus(request: APIRequestContext, orderId: string): Promise<string> {
  const response = await request.get(`/v1/orders/${orderId}`, { headers: operatorHeaders() });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { status: string }).status;
}

/** The awaiting-shipment tab's count, from its accessible name `Awaiting shipment (N)`. */
async function awaitingCount(page: Page): Promise<number> {
  const name = (await page.getByRole('tab', { name: /^Awaiting shipment \(\d+\)$/ }).textContent()) ?? '';
  return Number(/\((\d+)\)/.exec(name)?.[1]);
}

/** The row's checkbox, scrolling the virtualised list down from the top until the row is rendered. */
async function rowCheckbox(grid: Locator, marketplaceOrderId: string): Promise<Locator> {
  const checkbox = grid.getByRole('checkbox', { name: `Select order ${marketplaceOrderId}`, exact: true });
  await grid.evaluate((element) => element.scrollTo({ top: 0 }));
  await expect
    .poll(
      async () => {
        if ((await checkbox.count()) > 0) return true;
        await grid.evaluate((element) => element.scrollBy({ top: element.clientHeight / 2 }));
        return false;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return checkbox;
}

test('a seller ships a selection of orders at once', async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  const runId = `${Date.now().toString(36)}${randomInt(46_656).toString(36)}`.toUpperCase();
  const paidAt = (await sandboxNow(request)) - 5 * 60_000;
  const marketplaceIds = [1, 2, 3].map((n) => `SEL-${runId}-${n}`);
  const orders = [];
  for (const marketplaceOrderId of marketplaceIds)
    orders.push(await placeDemoOrder(request, { ...ORDER, marketplaceOrderId, paidAt }));

  // Another buyer's order, shipped already: its tracking number cannot go on the second order.
  const taken = cainiaoTrackingNumber();
  const other = await placeDemoOrder(request, { ...ORDER, marketplaceOrderId: `SEL-${runId}-OTHER`, paidAt });
  await confirmShipment(request, other.id, taken);

  await signIn(page, 'demo-admin', 'demo-admin-password');
  await page.getByLabel('Store').selectOption(STORE);
  await expect(page.getByRole('tab', { name: /^Awaiting shipment \(\d+\)$/ })).toBeVisible();
  const grid = page.getByRole('table', { name: 'Orders' });
  const bar = page.getByRole('group', { name: 'Selection' });
  await expect(bar).toContainText('0 selected');
  await expect(bar.getByRole('button', { name: 'Ship selected' })).toBeDisabled();
  const before = await awaitingCount(page);

  for (const marketplaceOrderId of marketplaceIds)
    await (await rowCheckbox(grid, marketplaceOrderId)).check();
  await expect(bar).toContainText('3 selected');
  // Kept by order id, not in the DOM: scrolled away and back, the rows are still checked.
  await grid.evaluate((element) => element.scrollTo({ top: 0 }));
  for (const marketplaceOrderId of marketplaceIds)
    await expect(await rowCheckbox(grid, marketplaceOrderId)).toBeChecked();

  await bar.getByRole('button', { name: 'Ship selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ship 3 orders' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Carrier for all').selectOption('CAINIAO');
  for (const marketplaceOrderId of marketplaceIds)
    await expect(dialog.getByLabel(`Carrier for order ${marketplaceOrderId}`)).toHaveValue('CAINIAO');

  const numbers = [cainiaoTrackingNumber(), taken, cainiaoTrackingNumber()];
  const tracking = (marketplaceOrderId: string) =>
    dialog.getByLabel(`Tracking number for order ${marketplaceOrderId}`);
  // Checked against the carrier's pattern as typed.
  await tracking(marketplaceIds[0]).fill('LP123');
  await expect(tracking(marketplaceIds[0])).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Confirm 3 shipments' })).toBeDisabled();
  for (const [i, marketplaceOrderId] of marketplaceIds.entries())
    await tracking(marketplaceOrderId).fill(numbers[i]);
  await expect(tracking(marketplaceIds[0])).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Confirm 3 shipments' }).click();

  await expect(page.getByRole('status')).toHaveText('Shipped 2 of 3 orders');
  const row = (marketplaceOrderId: string) => dialog.getByRole('row').filter({ hasText: marketplaceOrderId });
  await expect(row(marketplaceIds[0])).toContainText('Shipped');
  await expect(row(marketplaceIds[2])).toContainText('Shipped');
  await expect(row(marketplaceIds[1])).toContainText('Failed:');
  await expect(tracking(marketplaceIds[1])).toBeFocused();
  await expect(bar).toContainText('1 selected');
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('ship-selection.png') });

  for (const i of [0, 2]) {
    expect(await orderStatus(request, orders[i].id)).toBe('WAIT_BUYER_ACCEPT_GOODS');
    await expect(grid.getByRole('button', { name: `Ship order ${orders[i].id}` })).toHaveCount(0);
  }
  expect(await orderStatus(request, orders[1].id)).toBe('WAIT_SELLER_SEND_GOODS');
  await expect.poll(() => awaitingCount(page)).toBe(before - 2);

  // Fixed with a number of its own and sent again: the dialog closes, the selection is empty.
  await tracking(marketplaceIds[1]).fill(cainiaoTrackingNumber());
  await dialog.getByRole('button', { name: 'Confirm 1 shipment' }).click();
  await expect(page.getByRole('status')).toHaveText('Shipped 1 of 1 orders');
  await expect(dialog).toBeHidden();
  await expect(bar).toContainText('0 selected');
  expect(await orderStatus(request, orders[1].id)).toBe('WAIT_BUYER_ACCEPT_GOODS');
  await expect.poll(() => awaitingCount(page)).toBe(before - 3);
});
