import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, placeDemoOrder, sandboxNow, signIn, usd } from './support';

const orderPath = (id: string) => `/console/orders/${id}`;

// The sandbox clock page (operators, sandbox only): advancing the simulated clock, and every
// countdown in the console counting from the server's clock rather than the browser's. The clock
// moves by 10 minutes only: later files place their orders relative to the sandbox's now.

/** Seconds left in the order page's ship-by countdown (`Nd hh:mm:ss left`). */
async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.locator('.countdown').first().textContent()) ?? '';
  const match = /(\d+)d (\d\d):(\d\d):(\d\d) left/.exec(text);
  if (!match) throw new Error(`not a countdown: ${text}`);
  const [days, hours, minutes, seconds] = match.slice(1).map(Number);
  return ((days * 24 + hours) * 60 + minutes) * 60 + seconds;
}

test("an operator advances the sandbox clock and the order page's countdown follows the server's clock", async ({
  page,
  request,
}, testInfo) => {
  const paidAt = (await sandboxNow(request)) - 3_600_000;
  const order = await placeDemoOrder(request, {
    marketplaceOrderId: `CLOCK-${testInfo.testId.slice(0, 8)}-${paidAt}`,
    paidAt,
    lines: [{ sku: 'SKU-CLOCK', title: 'Desk clock', quantity: 1, unitPrice: usd('2500') }],
    shippingFee: usd('300'),
    shippingAddress: { name: 'Clock Buyer', line1: '1 Main St', city: 'Austin', country: 'US' },
  });
  const shipBy = Date.parse(order.deadlines.shipBy);

  await signIn(page, 'demo-operator', 'demo-operator-password', 'a platform operator');
  // The order page counts down from the sandbox's now, however far the wall clock has moved on.
  await page.goto(orderPath(order.id));
  const before = shipBy - (await sandboxNow(request));
  await expect.poll(async () => Math.abs((await secondsLeft(page)) - before / 1000)).toBeLessThanOrEqual(3);

  await page.getByRole('link', { name: 'Sandbox clock' }).click();
  await expect(page.getByRole('heading', { name: 'Sandbox clock', level: 1 })).toBeVisible();
  await expect(page.getByText('Simulated now')).toBeVisible();
  await expectAccessible(page);

  const from = await sandboxNow(request);
  const byMinutes = page.getByRole('form', { name: 'Advance by' });
  await byMinutes.getByLabel('Amount').fill('0');
  await byMinutes.getByRole('button', { name: 'Advance' }).click();
  await expect(byMinutes.getByRole('alert')).toHaveText('Give a whole number above 0.');
  await byMinutes.getByLabel('Amount').fill('10');
  await byMinutes.getByLabel('Unit').selectOption('minutes');
  await byMinutes.getByRole('button', { name: 'Advance' }).click();
  await expect(page.getByRole('status')).toContainText(/timers? fired on the way/);
  expect(await sandboxNow(request)).toBe(from + 600_000);

  // Backwards is refused by the server, and the page says why beside the field.
  const toInstant = page.getByRole('form', { name: 'Advance to an instant' });
  await toInstant.getByLabel('Instant (UTC)').fill(new Date(from - 86_400_000).toISOString().slice(0, 19));
  await toInstant.getByRole('button', { name: 'Advance' }).click();
  await expect(toInstant.getByRole('alert')).toContainText('only moves forward');
  expect(await sandboxNow(request)).toBe(from + 600_000);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('sandbox-clock.png'), fullPage: true });

  // Ten simulated minutes fewer to ship, without a reload of the console.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${orderPath(order.id)}$`));
  const after = shipBy - (await sandboxNow(request));
  await expect.poll(async () => Math.abs((await secondsLeft(page)) - after / 1000)).toBeLessThanOrEqual(3);
});

test('a seller is told the sandbox clock is moved by operators', async ({ page }) => {
  await signIn(page, 'demo-admin', 'demo-admin-password');
  await expect(page.getByRole('link', { name: 'Sandbox clock' })).toHaveCount(0);
  await page.goto('/console/sandbox-clock');
  await expect(page.getByText('The sandbox clock is moved by platform operators.')).toBeVisible();
});
