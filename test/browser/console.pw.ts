import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, operatorHeaders, signIn } from './support';

// The seller console against the built app (test/browser/serve.mjs): the sandbox demo seller
// `demo-admin` with nine paid orders awaiting shipment in three stores.

/** The awaiting-shipment tab's count, from its accessible name `Awaiting shipment (N)`. */
async function awaitingCount(page: Page): Promise<number> {
  const tab = page.getByRole('tab', { name: /^Awaiting shipment \(\d+\)$/ });
  const name = (await tab.textContent()) ?? '';
  return Number(/\((\d+)\)/.exec(name)?.[1]);
}

test('a seller signs in and ships an order from the awaiting list', async ({ page }, testInfo) => {
  await page.goto('/console/');
  await expect(page.getByRole('heading', { name: 'tradehub console' })).toBeVisible();
  await expectAccessible(page);

  await signIn(page, 'demo-admin', 'demo-admin-password');
  await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Awaiting shipment \(\d+\)$/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const before = await awaitingCount(page);
  expect(before).toBeGreaterThanOrEqual(9);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('orders-awaiting.png'), fullPage: true });

  // The first row's order, from its Ship button's name.
  const ship = page.getByRole('button', { name: /^Ship order / }).first();
  const orderId = ((await ship.getAttribute('aria-label')) ?? '').replace(/^Ship order /, '');
  expect(orderId).not.toBe('');
  await ship.click();

  const dialog = page.getByRole('dialog', { name: 'Confirm shipment' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Carrier').selectOption('CAINIAO');
  const tracking = dialog.getByLabel('Tracking number');
  // Checked against the carrier's pattern as the seller types.
  await tracking.fill('LP123');
  await expect(tracking).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Confirm shipment' })).toBeDisabled();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('ship-dialog.png') });

  const number = `LP${String(testInfo.workerIndex).padStart(2, '0')}${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
  await tracking.fill(number);
  await expect(tracking).not.toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Confirm shipment' }).click();

  await expect(page.getByRole('status')).toContainText(`Shipment confirmed for order ${orderId}`);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: `Ship order ${orderId}` })).toHaveCount(0);
  await expect.poll(() => awaitingCount(page)).toBe(before - 1);

  // The order is on the Shipped tab now.
  await page.getByRole('tab', { name: /^Shipped \(\d+\)$/ }).click();
  await expect(page.getByText(orderId)).toBeVisible();
});

test('the console speaks Chinese and English, and keeps the choice', async ({ page }, testInfo) => {
  await signIn(page, 'demo-admin', 'demo-admin-password');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('tab', { name: /^待发货 \(\d+\)$/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('orders-zh.png'), fullPage: true });
  await page.reload();
  await expect(page.getByRole('tab', { name: /^待发货 \(\d+\)$/ })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('tab', { name: /^Awaiting shipment \(\d+\)$/ })).toBeVisible();
});

test('the tabs work from the keyboard', async ({ page }) => {
  await signIn(page, 'demo-admin', 'demo-admin-password');
  const awaiting = page.getByRole('tab', { name: /^Awaiting shipment/ });
  await awaiting.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /^Overdue/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /^Overdue/ })).toHaveAttribute('aria-selected', 'true');
});

test("ORD-6: filters by main account and payment day, and the tabs' counts follow them", async ({
  page,
  request,
}) => {
  await signIn(page, 'demo-admin', 'demo-admin-password');
  const counted = async (query: string) => {
    const response = await request.get(`/v1/orders/counts?${query}`, { headers: operatorHeaders() });
    expect(response.status()).toBe(200);
    return ((await response.json()) as { byStatus: Record<string, number> }).byStatus;
  };
  // acct-west is store-chengdu's main account (the demo seller's).
  await page.getByLabel('Main account').selectOption('acct-west');
  const west = await counted('mainAccountId=acct-west');
  await expect.poll(() => awaitingCount(page)).toBe(west.WAIT_SELLER_SEND_GOODS ?? 0);
  // A paid-at day with no orders: the count is the empty list's, not the whole store's.
  await page.getByLabel('Paid to').fill('2020-01-01');
  await expect.poll(() => awaitingCount(page)).toBe(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByLabel('Main account')).toHaveValue('');
});
