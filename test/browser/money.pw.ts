import { randomInt } from 'node:crypto';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
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
} from './support';

// The sellers' Money page against the built app (test/browser/serve.mjs). Two orders of the demo
// seller are set up through the API with the operator token, each placed, shipped and delivered
// (a DELIVERED scan: FUL-7 freezes its proceeds, SET-1):
// - "frozen": delivered now, so its money waits for the day-5 review and the day-7 release;
// - "held": delivered eight days before the sandbox's now with a refund request open in
//   Settlement, so its day-5 review held it (SET-2); closing the request and an operator's RELEASE
//   decision release it at once, its day 7 being past (SET-3).
// The sandbox clock is never moved: later files (review-queue, spreadsheets, volume) place orders
// on the wall clock, and moving it the up to 24 hours a day-7 10:00 UTC release needs would put
// every ship-by deadline of theirs in the past.

const STORE = 'store-shenzhen';
const CURRENCY = 'USD';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const RATE = '7.1234';
const MAY_BE_FROZEN = 'FUND_PROCESSING,IN_ISSUE,WAIT_SELLER_EXAMINE_MONEY,IN_FROZEN';
const LEDGER_HEADER = [
  'Entry id',
  'Sequence',
  'Occurred at (UTC)',
  'Kind',
  'Store',
  'Order id',
  'Currency',
  'Frozen change',
  'Available change',
  'In payout change',
  'Rate',
  'Reverses entry id',
];

interface Settlement {
  orderId: string;
  storeId: string;
  fundStatus: string;
  frozen: { minor: string; currency: string };
  releaseAt: string | null;
  holdReasons: string[];
}

interface Balance {
  storeId: string;
  currency: string;
  frozen: string;
  available: string;
  payoutInTransit: string;
}

interface Entry {
  id: string;
  kind: string;
  orderId: string | null;
  currency: string;
  metadata: Record<string, unknown>;
}

/** An amount as the page shows it (the console's English locale, `en`), from exact minor units. */
function money(minor: string | bigint, currency: string): string {
  const digits = currency === 'JPY' ? 0 : 2;
  const text = BigInt(minor).toString();
  const negative = text.startsWith('-');
  const padded = (negative ? text.slice(1) : text).padStart(digits + 1, '0');
  const decimal = `${negative ? '-' : ''}${padded.slice(0, padded.length - digits)}.${padded.slice(-digits)}`;
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(decimal as `${number}`);
}

/** Minor units as the export's exact decimal text. */
const decimal = (minor: string | bigint): string => {
  const text = BigInt(minor).toString();
  const negative = text.startsWith('-');
  const padded = (negative ? text.slice(1) : text).padStart(3, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -2)}.${padded.slice(-2)}`;
};

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** The orders this test places: store-shenzhen's, all alike but for their ids and paid-at. */
const MONEY_ORDER: DemoOrderTemplate = {
  storeId: STORE,
  lines: [
    {
      sku: 'SKU-MONEY',
      title: 'Money test item',
      quantity: 2,
      unitPrice: { minor: '2450', currency: CURRENCY },
    },
  ],
  shippingFee: { minor: '350', currency: CURRENCY },
  shippingAddress: { name: 'Money Buyer', line1: '1 Calle Mayor', city: 'Madrid', country: 'ES' },
};

/** Ships the order and reports its delivery scan at `deliveredAt` (FUL-7). */
async function shipAndDeliver(
  request: APIRequestContext,
  orderId: string,
  deliveredAt: number,
): Promise<void> {
  const trackingNumber = cainiaoTrackingNumber();
  await confirmShipment(request, orderId, trackingNumber);
  const scan = await postTrackingEvent(request, {
    eventId: `${trackingNumber}-DELIVERED`,
    trackingNumber,
    type: 'DELIVERED',
    occurredAt: deliveredAt,
    location: 'Madrid',
  });
  expect(scan.applied).toBe(1);
}

/** The order's settlement timeline, or null while Settlement has not heard of its delivery. */
async function settlementOf(request: APIRequestContext, orderId: string): Promise<Settlement | null> {
  const response = await request.get(`/v1/settlement/orders/${orderId}`, { headers: operatorHeaders() });
  if (response.status() === 404) return null;
  return ok<Settlement>(response);
}

async function balanceOf(request: APIRequestContext, currency: string): Promise<Balance> {
  const balances = await ok<Balance[]>(
    await request.get('/v1/settlement/balances', { headers: operatorHeaders(), params: { storeId: STORE } }),
  );
  return (
    balances.find((b) => b.currency === currency) ?? {
      storeId: STORE,
      currency,
      frozen: '0',
      available: '0',
      payoutInTransit: '0',
    }
  );
}

/** The store's frozen orders as Settlement has them: what the page's calendar is built from. */
async function frozenOrders(request: APIRequestContext): Promise<Settlement[]> {
  const page = await ok<{ items: { id: string; deliveredAt: string | null }[] }>(
    await request.get('/v1/orders', {
      headers: operatorHeaders(),
      params: { storeId: STORE, status: MAY_BE_FROZEN, limit: '200' },
    }),
  );
  const timelines = await Promise.all(
    page.items.filter((o) => o.deliveredAt).map((o) => settlementOf(request, o.id)),
  );
  return timelines.filter(
    (s): s is Settlement =>
      s !== null && ['FROZEN', 'IN_REVIEW', 'HELD'].includes(s.fundStatus) && BigInt(s.frozen.minor) > 0n,
  );
}

const sum = (amounts: string[]): bigint => amounts.reduce((total, a) => total + BigInt(a), 0n);

/** Every ledger entry of the store, newest first, all pages. */
async function ledgerEntries(request: APIRequestContext): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Entry[]; nextCursor: string | null } = await ok(
      await request.get('/v1/settlement/entries', {
        headers: operatorHeaders(),
        params: { storeId: STORE, limit: '200', ...(cursor ? { cursor } : {}) },
      }),
    );
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

/** A row of a table named by its caption, found by its row header. */
const tableRow = (page: Page, caption: string, rowHeader: string | RegExp) =>
  page
    .getByRole('table', { name: caption })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: rowHeader }) });

test('a seller sees frozen proceeds, their release day and withdraws from the available balance', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const run = `${Date.now().toString(36)}${randomInt(46_656).toString(36)}`.toUpperCase();
  const now = await sandboxNow(request);

  // Delivered a minute ago: frozen, its review on day 5 and its release at 10:00 UTC on day 7.
  const { id: frozenId } = await placeDemoOrder(request, {
    ...MONEY_ORDER,
    marketplaceOrderId: `MONEY-FROZEN-${run}`,
    paidAt: now - 2 * HOUR_MS,
  });
  await shipAndDeliver(request, frozenId, now - 60_000);
  const frozenDay = Math.floor((now - 60_000) / DAY_MS) * DAY_MS;
  const expectedReleaseAt = new Date(frozenDay + 7 * DAY_MS + 10 * HOUR_MS).toISOString();

  // Delivered eight days ago with a refund request open: the day-5 review holds it.
  const { id: heldId } = await placeDemoOrder(request, {
    ...MONEY_ORDER,
    marketplaceOrderId: `MONEY-HELD-${run}`,
    paidAt: now - 9 * DAY_MS,
  });
  const issueId = `money-${run.toLowerCase()}`;
  await ok(
    await request.post('/v1/settlement/order-issues', {
      headers: operatorHeaders(),
      data: { issueId, orderId: heldId, status: 'OPEN' },
    }),
  );
  await shipAndDeliver(request, heldId, now - 8 * DAY_MS);

  await expect
    .poll(async () => (await settlementOf(request, frozenId))?.fundStatus, { timeout: 30_000 })
    .toBe('FROZEN');
  await expect
    .poll(async () => (await settlementOf(request, heldId))?.fundStatus, { timeout: 30_000 })
    .toBe('HELD');
  const frozen = (await settlementOf(request, frozenId))!;
  const held = (await settlementOf(request, heldId))!;
  expect(frozen.releaseAt).toBe(expectedReleaseAt);
  expect(held.holdReasons).toEqual(['OPEN_REFUND_OR_DISPUTE']);
  const proceeds = BigInt(held.frozen.minor);
  expect(proceeds).toBeGreaterThan(2000n);
  // Orders learns the fund status from Settlement's events: the calendar lists both once it has.
  await expect
    .poll(async () => (await frozenOrders(request)).map((s) => s.orderId), { timeout: 30_000 })
    .toEqual(expect.arrayContaining([frozenId, heldId]));

  // The Money page, reached from the navigation, for the one store.
  await signIn(page, 'demo-admin', 'demo-admin-password');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Money' }).click();
  await expect(page).toHaveURL(/\/console\/money$/);
  await expect(page.getByRole('heading', { name: 'Money', level: 1 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Store', exact: true }).selectOption(STORE);

  // Balances: the store's frozen money, exact.
  let usd = await balanceOf(request, CURRENCY);
  const balances = page.getByRole('region', { name: 'Balances' });
  await expect(balances.getByRole('table', { name: 'Balances in USD' })).toBeVisible();
  const usdRow = tableRow(page, 'Balances in USD', STORE);
  await expect(usdRow.getByRole('cell').nth(0)).toHaveText(money(usd.frozen, CURRENCY));
  await expect(usdRow.getByRole('cell').nth(1)).toHaveText(money(usd.available, CURRENCY));

  // The release calendar: the frozen order's day (UTC) at 10:00 UTC, and the held money apart.
  const expectedFrozen = await frozenOrders(request);
  const releaseDay = expectedReleaseAt.slice(0, 10);
  const onReleaseDay = expectedFrozen.filter(
    (s) =>
      s.fundStatus !== 'HELD' && s.releaseAt?.slice(0, 10) === releaseDay && s.frozen.currency === CURRENCY,
  );
  const calendar = page.getByRole('region', { name: 'Release calendar' });
  const dayRow = calendar
    .getByRole('table', { name: 'Frozen proceeds by release day (UTC)' })
    .getByRole('row')
    .filter({ has: page.locator(`time[datetime="${releaseDay}"]`) });
  await expect(dayRow).toContainText('at 10:00 UTC');
  await expect(dayRow.getByRole('cell').nth(0)).toHaveText(CURRENCY);
  await expect(dayRow.getByRole('cell').nth(1)).toHaveText(
    money(sum(onReleaseDay.map((s) => s.frozen.minor)), CURRENCY),
  );
  await expect(dayRow.getByRole('cell').nth(2)).toHaveText(String(onReleaseDay.length));
  const heldRow = tableRow(page, 'Frozen proceeds by release day (UTC)', /^Held for review/);
  const heldSum = sum(expectedFrozen.filter((s) => s.fundStatus === 'HELD').map((s) => s.frozen.minor));
  await expect(heldRow.getByRole('cell').nth(1)).toHaveText(money(heldSum, CURRENCY));

  // Each frozen order, opened from the keyboard: its amount and release instant, or its hold.
  await calendar.locator('summary').focus();
  await page.keyboard.press('Enter');
  const frozenRow = tableRow(page, 'Frozen orders, earliest release first', `Order MONEY-FROZEN-${run}`);
  await expect(frozenRow).toContainText(money(frozen.frozen.minor, CURRENCY));
  await expect(frozenRow.locator(`time[datetime="${expectedReleaseAt}"]`)).toContainText('at 10:00 UTC');
  const heldOrderRow = tableRow(page, 'Frozen orders, earliest release first', `Order MONEY-HELD-${run}`);
  await expect(heldOrderRow).toContainText('Held');
  await expect(heldOrderRow).toContainText('An open refund request or dispute');
  await expectAccessible(page);

  // The refund request closes and an operator releases the held review: day 7 is past, so at once.
  await ok(
    await request.post('/v1/settlement/order-issues', {
      headers: operatorHeaders(),
      data: { issueId, orderId: heldId, status: 'CLOSED' },
    }),
  );
  const decided = await ok<Settlement>(
    await request.post(`/v1/settlement/orders/${heldId}/hold-decision`, {
      headers: operatorHeaders(),
      data: { decision: 'RELEASE', reason: 'The refund request was withdrawn by the buyer.' },
    }),
  );
  expect(decided.fundStatus).toBe('RELEASED');
  // The treasury's USD/CNY rate, in effect at the sandbox's now.
  await ok(
    await request.put('/v1/settlement/fx-rates', {
      headers: operatorHeaders(),
      data: {
        from: CURRENCY,
        to: 'CNY',
        rate: RATE,
        asOf: new Date((await sandboxNow(request)) - 1000).toISOString(),
      },
    }),
  );

  await page.reload();
  await page.getByRole('combobox', { name: 'Store', exact: true }).selectOption(STORE);
  usd = await balanceOf(request, CURRENCY);
  expect(BigInt(usd.available)).toBeGreaterThanOrEqual(proceeds);
  await expect(usdRow.getByRole('cell').nth(0)).toHaveText(money(usd.frozen, CURRENCY));
  await expect(usdRow.getByRole('cell').nth(1)).toHaveText(money(usd.available, CURRENCY));

  // The withdrawal form: the amount is checked as a decimal with USD's two minor digits...
  const withdrawals = page.getByRole('region', { name: 'Withdrawals' });
  const form = withdrawals.getByRole('form', { name: 'Withdraw from the available balance' });
  await expect(form.getByLabel('From store')).toHaveValue(STORE);
  await expect(form.getByLabel('Currency')).toHaveValue(CURRENCY);
  const amount = form.getByLabel('Amount');
  await amount.fill('12.345');
  await form.getByRole('button', { name: 'Withdraw' }).click();
  await expect(form.getByRole('alert')).toHaveText('Too many decimals for this currency.');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(amount).toBeFocused();
  // ...and the server's answer to more than is available is shown beside it.
  const tooMuch = BigInt(usd.available) + 100n;
  await amount.fill(decimal(tooMuch));
  await form.getByRole('button', { name: 'Withdraw' }).click();
  await expect(form.getByRole('alert')).toHaveText('The amount is more than the available balance.');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');

  // 12.34 USD in CNY: the quote's rate and what it pays out, shown before Withdraw confirms.
  const cnyBefore = await balanceOf(request, 'CNY');
  await amount.fill('12.34');
  await form.getByLabel('CNY at a quoted rate (no spread)').check();
  await form.getByRole('button', { name: 'Withdraw' }).click();
  await expect(form.getByRole('alert')).toContainText('Get a CNY quote first');
  await form.getByRole('button', { name: 'Get CNY quote' }).click();
  const quote = form.getByRole('group', { name: 'CNY quote' });
  await expect(quote).toContainText(`1 USD = ${RATE} CNY`);
  // 1234 × 7.1234 = 8790.2756 fen: 8790 half-to-even.
  const payout = 8790n;
  await expect(quote).toContainText(money(payout, 'CNY'));
  await expectAccessible(page);
  await amount.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(
    `Withdrawal of ${money(1234n, CURRENCY)} requested: ${money(payout, 'CNY')} to be paid out`,
  );

  // Listed, and the balances moved: 12.34 USD out of available, 87.90 CNY in payout.
  const listed = withdrawals
    .getByRole('table', { name: 'Withdrawals, newest first' })
    .getByRole('row')
    .filter({ hasText: money(payout, 'CNY') })
    .first();
  await expect(listed).toContainText(money(1234n, CURRENCY));
  await expect(listed).toContainText(RATE);
  await expect(listed).toContainText('In payout');
  const usdAfter = await balanceOf(request, CURRENCY);
  const cnyAfter = await balanceOf(request, 'CNY');
  expect(BigInt(usdAfter.available)).toBe(BigInt(usd.available) - 1234n);
  expect(BigInt(cnyAfter.payoutInTransit)).toBe(BigInt(cnyBefore.payoutInTransit) + payout);
  await expect(usdRow.getByRole('cell').nth(1)).toHaveText(money(usdAfter.available, CURRENCY));
  await expect(tableRow(page, 'Balances in CNY', STORE).getByRole('cell').nth(2)).toHaveText(
    money(cnyAfter.payoutInTransit, 'CNY'),
  );

  // The ledger: its entries in the page, and every one of them in the .xlsx export.
  const ledger = page.getByRole('region', { name: 'Ledger' });
  await expect(
    ledger
      .getByRole('table', { name: 'Ledger entries, newest first' })
      .getByRole('rowheader', { name: /^Withdrawal/ }),
  ).not.toHaveCount(0);
  const expectedEntries = await ledgerEntries(request);
  const download = page.waitForEvent('download');
  await ledger.getByRole('button', { name: 'Export .xlsx', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ledger-store-shenzhen-\d{8}\.xlsx$/);
  const xlsxPath = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(xlsxPath);
  await expect(page.getByRole('status')).toHaveText(`Exported ${expectedEntries.length} ledger entries`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const sheet = workbook.worksheets[0];
  const cells = (row: number) =>
    (sheet.getRow(row).values as unknown[])
      .slice(1)
      .map((v) => (v === null || v === undefined ? '' : String(v)));
  expect(cells(1)).toEqual(LEDGER_HEADER);
  const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => cells(i + 2));
  expect(rows.map((r) => r[0])).toEqual(expectedEntries.map((e) => e.id));
  const rowOf = (kind: string, orderId: string | null, currency = CURRENCY) =>
    rows.filter((r) => r[3] === kind && (orderId === null || r[5] === orderId) && r[6] === currency);
  // SET-1: the frozen order's proceeds went into frozen; SET-3: the held one's came out into available.
  expect(rowOf('FREEZE', frozenId).map((r) => r[7])).toEqual([decimal(frozen.frozen.minor)]);
  expect(rowOf('RELEASE', heldId).map((r) => [r[7], r[8]])).toEqual([
    [decimal(-proceeds), decimal(proceeds)],
  ]);
  // SET-4: the withdrawal left available in USD and arrived in payout in CNY, the rate on both entries.
  const withdrawal = rows.find((r) => r[3] === 'WITHDRAWAL' && r[8] === '-12.34' && r[10] === RATE);
  expect(withdrawal).toBeDefined();
  const conversion = rows.find((r) => r[3] === 'FX_CONVERSION' && r[6] === 'CNY' && r[9] === decimal(payout));
  expect(conversion?.[10]).toBe(RATE);
  for (const row of rows) expect(row[2]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('money.png'), fullPage: true });

  // In Chinese too.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '资金', level: 1 })).toBeVisible();
  for (const region of ['余额', '放款日历', '提现', '账本'])
    await expect(page.getByRole('region', { name: region })).toBeVisible();
  await expect(page.getByRole('table', { name: 'USD 余额' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'English' }).click();
});
