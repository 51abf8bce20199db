import { randomInt } from 'node:crypto';
import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  type HeldOrder,
  placeHeldOrder,
  reportOrderIssue,
  settlementOf,
  usdText,
} from './held-settlements-api';
import { expectAccessible, sandboxNow, signIn } from './support';

// The operators' held-settlement queue against the built app (test/browser/serve.mjs). Three orders
// of the demo seller are delivered in the past with a refund request open, so their day-5 risk
// reviews hold the money (SET-2); the sandbox clock is never moved (see held-settlements-api.ts):
// - "keep": delivered eight days ago; the operator keeps holding it;
// - "release": delivered eight days ago, its request since closed; released after day 7's 10:00 UTC,
//   so at once (the SET-2/SET-3 clarification);
// - "on time": delivered six days ago, its request closed; released before day 7's 10:00 UTC, so
//   it leaves the hold and releases at that normal time.

const CAPTION = 'Held reviews, oldest first';
const OPEN_ISSUE = 'An open refund request or dispute';

/** The queue's row of one order, found by its order link. */
const rowOf = (page: Page, orderId: string): Locator =>
  page
    .getByRole('table', { name: CAPTION })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: orderId, exact: true }) });

/** The queue is oldest first: later pages are read until the order's row is there. */
async function showRow(page: Page, orderId: string): Promise<Locator> {
  const row = rowOf(page, orderId);
  const table = page.getByRole('table', { name: CAPTION });
  for (let pages = 0; pages < 20; pages++) {
    await expect(table).toHaveAttribute('aria-busy', 'false');
    if ((await row.count()) > 0) break;
    const more = page.getByRole('button', { name: 'Load more' });
    if ((await more.count()) === 0) break;
    await more.click();
  }
  await expect(row).toHaveCount(1);
  return row;
}

/** The row shows the order's store, its frozen money, delivery instant, hold time and reason. */
async function expectListed(page: Page, held: HeldOrder): Promise<void> {
  const row = await showRow(page, held.orderId);
  const { settlement } = held;
  await expect(row).toContainText('store-shenzhen');
  await expect(row).toContainText(usdText(settlement.frozen));
  await expect(row).toContainText(`Order total ${usdText(settlement.total)}`);
  await expect(row.locator(`time[datetime="${settlement.deliveredAt}"]`)).toHaveAttribute(
    'title',
    settlement.deliveredAt!,
  );
  await expect(row.locator(`time[datetime="${settlement.reviewedAt}"]`)).toBeVisible();
  await expect(row.getByText(/^(\d+ h \d{2} min|\d+ d \d+ h)$/)).toBeVisible();
  await expect(row.getByRole('listitem')).toHaveText([OPEN_ISSUE]);
  await expect(row.getByRole('link', { name: held.orderId })).toHaveAttribute(
    'href',
    `/console/orders/${held.orderId}`,
  );
}

/** Opens the order's panel from the keyboard: its heading takes the focus. */
async function openPanel(page: Page, held: HeldOrder): Promise<Locator> {
  const button = page.getByRole('button', { name: `Decide on order ${held.orderId}`, exact: true });
  await expect(button).toHaveText('Decide');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const name = `Held order ${held.orderId.slice(0, 8)}`;
  const panel = page.getByRole('region', { name });
  await expect(panel.getByRole('heading', { name, level: 2 })).toBeFocused();
  await expect(panel).toContainText(held.orderId);
  return panel;
}

test('SET-3: an operator releases a held settlement from the queue', async ({ page, request }, testInfo) => {
  test.setTimeout(240_000);
  const run = `${Date.now().toString(36)}${randomInt(46_656).toString(36)}`.toUpperCase();
  const now = await sandboxNow(request);
  const kept = await placeHeldOrder(request, {
    marketplaceOrderId: `HELD-KEEP-${run}`,
    now,
    deliveredDaysAgo: 8,
    quantity: 1,
  });
  const released = await placeHeldOrder(request, {
    marketplaceOrderId: `HELD-RELEASE-${run}`,
    now,
    deliveredDaysAgo: 8,
    quantity: 2,
  });
  const onTime = await placeHeldOrder(request, {
    marketplaceOrderId: `HELD-ONTIME-${run}`,
    now,
    deliveredDaysAgo: 6,
    quantity: 3,
  });
  // Day 7's 10:00 UTC: past for the eight-day-old deliveries, still ahead for the six-day-old one.
  expect(Date.parse(released.settlement.releaseAt!)).toBeLessThan(now);
  expect(Date.parse(onTime.settlement.releaseAt!)).toBeGreaterThan(now);
  // The buyers withdrew two of the refund requests; the money stays held until an operator decides.
  await reportOrderIssue(request, released.orderId, released.issueId, 'CLOSED');
  await reportOrderIssue(request, onTime.orderId, onTime.issueId, 'CLOSED');
  expect((await settlementOf(request, released.orderId))?.fundStatus).toBe('HELD');

  await signIn(page, 'demo-operator', 'demo-operator-password', 'a platform operator');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Held settlements' })
    .click();
  await expect(page).toHaveURL(/\/console\/held-settlements$/);
  await expect(page.getByRole('heading', { name: 'Held settlements', level: 1 })).toBeVisible();

  // All three in the queue, each with its money, times and reason.
  for (const held of [kept, released, onTime]) await expectListed(page, held);

  // The first: its settlement timeline, and a decision that keeps holding it.
  let panel = await openPanel(page, kept);
  const timeline = panel.getByRole('list', { name: 'Settlement timeline' });
  await expect(timeline.getByRole('listitem').first()).toContainText(
    `Delivered: ${usdText(kept.settlement.frozen)} frozen (SET-1)`,
  );
  await expect(timeline).toContainText('Risk review started (SET-2)');
  const daySeven = timeline
    .getByRole('listitem')
    .filter({ hasText: 'Normal release time, 10:00 UTC on day 7 (SET-3)' });
  await expect(daySeven).toContainText('passed without a release: the review holds the money');
  await expect(daySeven.locator(`time[datetime="${kept.settlement.releaseAt}"]`)).toBeVisible();
  await expect(panel.getByText(OPEN_ISSUE, { exact: true })).toBeVisible();
  const decision = panel.getByRole('radiogroup', { name: 'Decision' });
  await expect(decision.getByRole('radio')).toHaveCount(2);
  await expect(panel).toContainText(
    'Day 7’s release time has passed: the money is released to the seller at once.',
  );

  // Nothing is sent without a decision and a reason.
  await panel.getByRole('button', { name: 'Submit decision' }).click();
  await expect(panel.getByRole('alert')).toHaveText(['Choose a decision.', 'Give a reason.']);
  await expect(decision.getByRole('radio', { name: 'Release' })).toBeFocused();
  await decision.getByRole('radio', { name: 'Keep holding' }).check();
  await panel.getByRole('button', { name: 'Submit decision' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Give a reason.');
  await expect(panel.getByLabel('Reason')).toBeFocused();

  const keepReason = `Buyer's refund request on HELD-KEEP-${run} is still open; waiting for it.`;
  await panel.getByLabel('Reason').fill(keepReason);
  await panel.getByRole('button', { name: 'Submit decision' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `Order ${kept.orderId} is still held; your decision is recorded.`,
  );
  // Still in the queue, its panel open with the decision in the timeline.
  await expect(rowOf(page, kept.orderId)).toHaveCount(1);
  await expect(timeline.getByRole('listitem').filter({ hasText: keepReason })).toContainText(
    'Keep holding by ',
  );
  await expect(panel.getByLabel('Reason')).toHaveValue('');
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('held-settlements.png'), fullPage: true });

  // The second: released after day 7's release time, so at once; it leaves the queue.
  await panel.getByRole('button', { name: 'Close the held review' }).click();
  await expect(panel).toBeHidden();
  panel = await openPanel(page, released);
  await panel.getByRole('radiogroup', { name: 'Decision' }).getByRole('radio', { name: 'Release' }).check();
  const releaseReason = `The refund request on HELD-RELEASE-${run} was withdrawn by the buyer.`;
  await panel.getByLabel('Reason').fill(releaseReason);
  await panel.getByRole('button', { name: 'Submit decision' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `Order ${released.orderId} released at once: ${usdText(released.settlement.frozen)} to the seller’s available balance.`,
  );
  await expect(panel).toBeHidden();
  await expect(rowOf(page, released.orderId)).toHaveCount(0);

  // The third: released before day 7's release time, so it releases then; it leaves the queue too.
  panel = await openPanel(page, onTime);
  const upcoming = panel
    .getByRole('list', { name: 'Settlement timeline' })
    .getByRole('listitem')
    .filter({ hasText: 'Normal release time, 10:00 UTC on day 7 (SET-3)' });
  await expect(upcoming).toContainText('(upcoming)');
  await expect(upcoming.locator(`time[datetime="${onTime.settlement.releaseAt}"]`)).toBeVisible();
  await expect(panel).toContainText(/The hold is lifted; the money is released at its normal time, .+ UTC\./);
  await panel.getByRole('radiogroup', { name: 'Decision' }).getByRole('radio', { name: 'Release' }).check();
  await panel.getByLabel('Reason').fill(`The refund request on HELD-ONTIME-${run} was withdrawn.`);
  await panel.getByRole('button', { name: 'Submit decision' }).click();
  await expect(page.getByRole('status')).toHaveText(
    new RegExp(`^Order ${onTime.orderId} is no longer held: it releases at its normal time, .+ UTC\\.$`),
  );
  await expect(panel).toBeHidden();
  await expect(rowOf(page, onTime.orderId)).toHaveCount(0);
  await expectAccessible(page);

  // Settlement agrees: released at once with the reason audited, released at day 7, still held.
  const releasedNow = (await settlementOf(request, released.orderId))!;
  expect(releasedNow.fundStatus).toBe('RELEASED');
  expect(releasedNow.releasedAt).not.toBeNull();
  expect(releasedNow.released.minor).toBe(released.settlement.frozen.minor);
  expect(releasedNow.frozen.minor).toBe('0');
  expect(releasedNow.decisions).toMatchObject([{ decision: 'RELEASE', reason: releaseReason }]);
  const releasesLater = (await settlementOf(request, onTime.orderId))!;
  expect(releasesLater.fundStatus).toBe('IN_REVIEW');
  expect(releasesLater.releasedAt).toBeNull();
  expect(releasesLater.releaseAt).toBe(onTime.settlement.releaseAt);
  expect(releasesLater.decisions).toMatchObject([{ decision: 'RELEASE' }]);
  const stillHeld = (await settlementOf(request, kept.orderId))!;
  expect(stillHeld.fundStatus).toBe('HELD');
  expect(stillHeld.frozen.minor).toBe(kept.settlement.frozen.minor);
  expect(stillHeld.decisions).toMatchObject([{ decision: 'KEEP_HOLDING', reason: keepReason }]);

  // Read again from the server: only the one still held is queued.
  await page.reload();
  await showRow(page, kept.orderId);
  await expect(rowOf(page, released.orderId)).toHaveCount(0);
  await expect(rowOf(page, onTime.orderId)).toHaveCount(0);

  // In Chinese too.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '暂缓放款', level: 1 })).toBeVisible();
  const zhRow = page
    .getByRole('table', { name: '暂扣中的审核（最早的在前）' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: kept.orderId, exact: true }) });
  await expect(zhRow).toContainText('有未结束的退款申请或纠纷');
  await expect(zhRow.getByRole('button', { name: `处理订单 ${kept.orderId}` })).toHaveText('处理');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Held settlements', level: 1 })).toBeVisible();
});

test('SET-3: seller staff are told that operators work the held settlements', async ({ page }) => {
  await signIn(page, 'demo-admin', 'demo-admin-password');
  // Who is signed in is known once the header names them; only then is the link's absence meaningful.
  await expect(page.getByText('Demo admin')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Orders' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Held settlements' })).toHaveCount(0);

  await page.goto('/console/held-settlements');
  await expect(page.getByRole('heading', { name: 'Held settlements', level: 1 })).toBeVisible();
  await expect(page.getByText('Held settlements are worked by platform operators.')).toBeVisible();
  await expect(page.getByRole('table', { name: CAPTION })).toHaveCount(0);
  await expectAccessible(page);
});
