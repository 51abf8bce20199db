import { randomInt } from 'node:crypto';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
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

// The Health page against the built app (test/browser/serve.mjs): orders of the demo seller's
// store-hangzhou placed, shipped late, left overdue and cancelled through the API, so the store's
// standing (refreshed by Compliance's own timer as the facts arrive, the sandbox clock untouched),
// its risk board and its trade analysis have something to show.

const STORE = 'store-hangzhou';
const HOUR_MS = 3_600_000;

const RISK_TYPES = [
  'Ship-by deadline near',
  'Ship-by deadline missed',
  'Late-shipment strikes',
  'Invalid tracking number',
  'No first scan',
  'Logistics stalled',
  'Proof review overdue',
  'Fake shipment suspected',
  'Refund response due',
  'Return inspection due',
  'Address ambiguous',
  'Payment anomaly',
  'Serial returner',
  'Negative-review tendency',
  'Dispute rate high',
  'Slow-fulfillment share high',
  'DSR below the campaign bar',
];

const METRICS = [
  'Orders',
  'GMV',
  'Average order value',
  'Cancellation rate',
  'Refund rate',
  'Dispute rate',
  'On-time shipment rate',
  'Average ship time',
  'Fulfillment over 72 hours',
  'Abnormal-logistics rate',
  'Positive rate',
  'DSR',
];

interface Standing {
  score: string | null;
  parts: { metric: string; value: string | null; contribution: string | null }[];
  warnings: { warning: string }[];
}

/** The orders this test places: store-hangzhou's, all alike but for their ids and paid-at. */
const TEA_SET_ORDER: DemoOrderTemplate = {
  storeId: STORE,
  lines: [{ sku: 'SKU-HEALTH', title: 'Tea set', quantity: 1, unitPrice: usd('4200') }],
  shippingFee: usd('300'),
  shippingAddress: { name: 'Health Buyer', line1: '1 Rue de Rivoli', city: 'Paris', country: 'FR' },
};

async function cancelBySeller(request: APIRequestContext, orderId: string): Promise<void> {
  const response = await request.post(`/v1/orders/${orderId}/cancel`, {
    headers: operatorHeaders(),
    data: { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
}

async function readStanding(request: APIRequestContext): Promise<Standing> {
  const response = await request.get('/v1/compliance/standing', {
    headers: operatorHeaders(),
    params: { storeId: STORE },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as Standing[])[0];
}

async function openCount(request: APIRequestContext, code: string): Promise<number> {
  const response = await request.get('/v1/compliance/risk-board/counts', {
    headers: operatorHeaders(),
    params: { storeId: STORE },
  });
  expect(response.status(), await response.text()).toBe(200);
  const counts = (await response.json()) as { types: { code: string; open: number }[] };
  return counts.types.find((t) => t.code === code)?.open ?? 0;
}

async function readAnalysis(
  request: APIRequestContext,
): Promise<{ windowDays: number; to: string; totals: { orders: number } }> {
  const response = await request.get('/v1/compliance/trade-analysis', {
    headers: operatorHeaders(),
    params: { storeId: STORE },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { windowDays: number; to: string; totals: { orders: number } };
}

/** "12.19" as 1219 hundredths; "Not rated" (a part with nothing to rate) adds nothing. */
function hundredths(text: string): number {
  const match = /^(\d+)\.(\d{2})$/.exec(text.trim());
  if (!match) {
    expect(text.trim()).toBe('Not rated');
    return 0;
  }
  return Number(match[1]) * 100 + Number(match[2]);
}

const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });

test('a seller sees the store’s score with its parts, the risk board and the 12 metrics', async ({
  page,
  request,
}, testInfo) => {
  // Six orders beside the demo's three: one paid 80 h ago and shipped now (late, and slow: over
  // 72 h), one paid 80 h ago still unshipped (slow, overdue), one paid 5 h ago shipped now (late),
  // one paid 5 h ago still unshipped (overdue: SHIP_DEADLINE_MISSED stays open), one cancelled by
  // the seller and one shipped on time.
  const now = await sandboxNow(request);
  const run = `${Date.now().toString(36)}${randomInt(1296).toString(36)}`.toUpperCase();
  const place = async (n: number, paidAt: number): Promise<string> => {
    const marketplaceOrderId = `HEALTH-${run}-${n}`;
    return (await placeDemoOrder(request, { ...TEA_SET_ORDER, marketplaceOrderId, paidAt })).id;
  };
  const ids = {
    slowShipped: await place(1, now - 80 * HOUR_MS),
    slowWaiting: await place(2, now - 80 * HOUR_MS),
    lateShipped: await place(3, now - 5 * HOUR_MS),
    overdue: await place(4, now - 5 * HOUR_MS),
    cancelled: await place(5, now - 30 * 60_000),
    onTime: await place(6, now - 30 * 60_000),
  };
  for (const shipped of [ids.slowShipped, ids.lateShipped, ids.onTime])
    await confirmShipment(request, shipped, cainiaoTrackingNumber());
  await cancelBySeller(request, ids.cancelled);

  // Compliance counts the facts from the events and refreshes the standing on its timer.
  await expect
    .poll(
      async () => {
        const standing = await readStanding(request);
        const part = (metric: string) => standing.parts.find((p) => p.metric === metric)?.value ?? null;
        return {
          rated: standing.score !== null,
          cancelled: Number(part('CANCELLATION_RATE') ?? 0) > 0,
          late: Number(part('ON_TIME_SHIPMENT_RATE') ?? 1) < 1,
          slowWarning: standing.warnings.some((w) => w.warning === 'SLOW_FULFILLMENT_SHARE'),
        };
      },
      { timeout: 45_000 },
    )
    .toEqual({ rated: true, cancelled: true, late: true, slowWarning: true });
  // Both unshipped orders flagged overdue (their late facts follow the same events), and the
  // standing settled: unchanged across two reads, so the page reads what the API answers next.
  await expect.poll(() => openCount(request, 'SHIP_DEADLINE_MISSED'), { timeout: 30_000 }).toBeGreaterThan(1);
  let previous = '';
  await expect
    .poll(
      async () => {
        const read = JSON.stringify(await readStanding(request));
        const settled = read === previous;
        previous = read;
        return settled;
      },
      { intervals: [2_000], timeout: 30_000 },
    )
    .toBe(true);
  const standing = JSON.parse(previous) as Standing;
  const missed = await openCount(request, 'SHIP_DEADLINE_MISSED');

  await signIn(page, 'demo-admin', 'demo-admin-password');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Health' }).click();
  await expect(page).toHaveURL(/\/console\/health$/);
  await expect(page.getByRole('heading', { name: 'Store health', level: 1 })).toBeVisible();
  await page.getByLabel('Store', { exact: true }).selectOption(STORE);

  // The score, and its parts' contributions adding up to it.
  const score = region(page, 'SLA score');
  await expect(score.locator('.health-score-value')).toHaveText(standing.score!);
  const parts = score.getByRole('table', { name: /The parts of the score/ });
  await expect(parts.locator('tbody tr')).toHaveCount(6);
  const contributions = await parts.locator('tbody tr td:nth-child(5)').allTextContents();
  const total = await parts.locator('tfoot td').last().textContent();
  expect(total).toBe(standing.score);
  expect(contributions.reduce((sum, text) => sum + hundredths(text), 0)).toBe(hundredths(standing.score!));
  await expect(parts.getByRole('row', { name: /Cancellation rate/ })).toContainText('%');
  await expect(score.getByRole('img', { name: /^SLA score per day from / })).toBeVisible();

  // The warning of more than 15% of orders fulfilled after 72 hours, its value against its bar.
  const warnings = region(page, 'Warnings');
  await expect(
    warnings.getByRole('row', { name: /Orders fulfilled after more than 72 hours/ }),
  ).toContainText('at most 15%');
  await expect(region(page, 'Campaign eligibility')).toContainText(/Eligible for major campaigns/);
  await expect(region(page, 'Penalty points')).toContainText('Penalty points');

  // All 17 risk types with their badges: red where flags are open.
  const board = region(page, 'Risk board');
  const badges = board.getByRole('list', { name: 'Open flags per risk type' }).getByRole('listitem');
  await expect(badges).toHaveCount(17);
  for (const [i, name] of RISK_TYPES.entries()) await expect(badges.nth(i)).toContainText(name);
  const missedBadge = badges.filter({ hasText: 'Ship-by deadline missed' });
  await expect(missedBadge).toHaveClass(/\bhot\b/);
  await expect(missedBadge).toContainText(missed === 1 ? '1 open flag' : `${missed} open flags`);
  await expect(badges.filter({ hasText: 'Fake shipment suspected' })).not.toHaveClass(/\bhot\b/);
  await board.getByLabel('Risk type', { exact: true }).selectOption('SHIP_DEADLINE_MISSED');
  const flags = board.getByRole('table', { name: 'Open flags, newest first' });
  await expect(flags.getByRole('link', { name: ids.overdue })).toBeVisible();
  await expect(flags.locator('tbody tr')).toHaveCount(missed);

  // The 12 metrics, each with its chart (an svg in the chart's box, named by its numbers).
  const analysis = region(page, 'Trade analysis');
  for (const name of METRICS)
    await expect(analysis.getByRole('heading', { name, exact: true, level: 3 })).toBeVisible();
  await expect(analysis.locator('.health-chart svg').first()).toBeVisible();
  await expect(analysis.getByRole('img', { name: /^Orders per day from .+ latest \d+/ })).toBeVisible();

  // The server's .xlsx of the daily series, fetched with the seller's token.
  const download = page.waitForEvent('download');
  await analysis.getByRole('button', { name: 'Export .xlsx', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    new RegExp(`^trade-analysis-${STORE}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`),
  );
  const path = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('trade analysis')!;
  expect(sheet.getRow(1).getCell(1).value).toBe('day');
  expect(sheet.getRow(1).getCell(2).value).toBe('orders');
  const expected = await readAnalysis(request);
  expect(sheet.rowCount).toBe(1 + expected.windowDays);
  expect(sheet.getRow(1 + expected.windowDays).getCell(1).value).toBe(expected.to);
  const days = Array.from({ length: expected.windowDays }, (_, i) => sheet.getRow(i + 2));
  const orders = days.reduce((sum, row) => sum + Number(row.getCell(2).value), 0);
  expect(orders).toBe(expected.totals.orders);
  expect(orders).toBeGreaterThanOrEqual(9);
  await expect(
    analysis
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Orders', exact: true }) })
      .locator('.metric-total'),
  ).toHaveText(String(expected.totals.orders));
  await expect(analysis.getByRole('status')).toHaveText(`Downloaded ${file.suggestedFilename()}`);

  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('health.png'), fullPage: true });

  // Keyboard: the charts' figures open as a table from their summary with Enter.
  const daily = analysis.getByText('Daily figures as a table', { exact: true });
  await daily.focus();
  await page.keyboard.press('Enter');
  await expect(
    analysis.getByRole('table', { name: /The metrics per UTC day/ }).locator('tbody tr'),
  ).toHaveCount(expected.windowDays);

  // Chinese labels throughout.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '店铺健康', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('region', { name: '风险看板' }).getByRole('listitem').filter({ hasText: '发货已超时' }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: '交易分析' }).getByRole('heading', { name: '及时发货率', level: 3 }),
  ).toBeVisible();
  await expectAccessible(page);
});
