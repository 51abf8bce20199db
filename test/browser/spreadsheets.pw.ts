import { randomInt, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import {
  DEMO_STORES,
  type DemoOrderTemplate,
  expectAccessible,
  listAllOrders,
  operatorHeaders,
  parseCsv,
  placeDemoOrder,
  sandboxNow,
  signIn,
  usd,
} from './support';

// The orders page's spreadsheets against the built app (test/browser/serve.mjs): shipments imported
// from an .xlsx (checked by a dry run, then applied) and the awaiting list exported as .xlsx and CSV.
// The tests run in this order on one server: the import ships orders the export then leaves out.

const AWAITING = 'WAIT_SELLER_SEND_GOODS,SELLER_PART_SEND_GOODS';
const EXPORT_HEADER = [
  'Order id',
  'Marketplace order id',
  'Store',
  'Status',
  'Paid at (UTC)',
  'Ship by (UTC)',
  'Currency',
  'Total',
  'Carrier',
  'Tracking number',
];

/** The import's orders, all in store-shenzhen and alike but for their ids. */
const IMPORT_ORDER: DemoOrderTemplate = {
  lines: [{ sku: 'SKU-IMPORT', title: 'Import test item', quantity: 1, unitPrice: usd('1999') }],
  shippingFee: usd('299'),
  shippingAddress: {
    name: 'Import Buyer',
    line1: '1 Calle Mayor',
    city: 'Madrid',
    postalCode: '28013',
    country: 'ES',
  },
};

/** The order's status as the operator reads it, or the HTTP status when it cannot be read. */
async function orderStatus(request: APIRequestContext, orderId: string): Promise<string | number> {
  const response = await request.get(`/v1/orders/${orderId}`, { headers: operatorHeaders() });
  if (response.status() !== 200) return response.status();
  return ((await response.json()) as { status: string }).status;
}

/** The ids of the demo seller's orders in these statuses, every page, as the API lists them now. */
async function demoOrderIds(request: APIRequestContext, status: string): Promise<string[]> {
  const orders = await listAllOrders(request, { status });
  return orders.filter((order) => DEMO_STORES.includes(order.storeId)).map((order) => order.id);
}

/** Clicks an export button and saves what it downloads; answers the saved file's path. */
async function exportFile(
  page: Page,
  button: string,
  pattern: RegExp,
  saveTo: (name: string) => string,
): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(pattern);
  const path = saveTo(file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/** A CSV export's records, after checking its UTF-8 BOM and CRLF ends. */
async function readCsvExport(path: string): Promise<string[][]> {
  const bytes = await readFile(path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.endsWith('\r\n')).toBe(true);
  return parseCsv(text);
}

const sorted = (ids: string[]): string[] => [...ids].sort();
const exported = (count: number): string => (count === 1 ? 'Exported 1 order' : `Exported ${count} orders`);

test('a seller imports 200 shipments from a spreadsheet and sees the 3 bad rows reported', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(300_000);

  // 200 paid orders of the demo seller, ten ingested at a time.
  const runId = `${Date.now().toString(36)}${randomInt(46_656).toString(36)}`.toUpperCase();
  const paidAt = (await sandboxNow(request)) - 5 * 60_000;
  const orderIds: string[] = [];
  for (let start = 1; start <= 200; start += 10) {
    const batch = Array.from({ length: 10 }, async (_, i) => {
      const order = await placeDemoOrder(request, {
        ...IMPORT_ORDER,
        marketplaceOrderId: `IMP-${runId}-${start + i}`,
        paidAt,
      });
      expect(order.status).toBe('WAIT_SELLER_SEND_GOODS');
      return order.id;
    });
    orderIds.push(...(await Promise.all(batch)));
  }

  // One row per order (sheet rows 2 to 201), CAINIAO numbers LP + 14 digits, random per run.
  const prefix = String(randomInt(100_000_000_000)).padStart(11, '0');
  const rows = orderIds.map((orderId, i) => ({
    orderId,
    carrier: 'CAINIAO',
    tracking: `LP${prefix}${String(i).padStart(3, '0')}`,
  }));
  // Three bad rows, each for its own reason; only the server can tell (none fails in the browser).
  const BAD_PATTERN = 10;
  const BAD_CARRIER = 100;
  const BAD_ORDER = 150;
  const bad = [BAD_PATTERN, BAD_CARRIER, BAD_ORDER];
  rows[BAD_PATTERN].tracking = rows[BAD_PATTERN].tracking.slice(0, -1); // 13 digits
  rows[BAD_CARRIER].carrier = 'NO_SUCH_CARRIER';
  rows[BAD_ORDER].orderId = randomUUID();

  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet('Shipments');
  worksheet.addRow(['Order id', 'Carrier', 'Tracking number']);
  for (const row of rows) worksheet.addRow([row.orderId, row.carrier, row.tracking]);
  const sheetPath = testInfo.outputPath('shipments.xlsx');
  await workbook.xlsx.writeFile(sheetPath);

  await signIn(page, 'demo-admin', 'demo-admin-password');
  await page.getByLabel('Import shipments', { exact: true }).setInputFiles(sheetPath);
  const preview = page.getByRole('region', { name: 'Import preview' });
  await expect(preview.getByRole('heading', { name: 'Import preview' })).toBeFocused();
  await expect(preview.getByText('200 rows: 197 ready, 3 failed', { exact: true })).toBeVisible({
    timeout: 60_000,
  });
  const resultOf = (index: number) =>
    preview
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: String(index + 2), exact: true }) })
      .getByRole('cell')
      .last();
  for (const index of bad) await expect(resultOf(index)).toHaveText(/^Failed: \S/);
  await expect(resultOf(0)).toHaveText('Ready');
  await page.screenshot({ path: testInfo.outputPath('import-preview.png'), fullPage: true });
  await expectAccessible(page);

  // The failure report: the file's columns plus Row and Reason, for the three bad rows only.
  const download = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Download failure report' }).click();
  const reportPath = testInfo.outputPath('failure-report.csv');
  await (await download).saveAs(reportPath);
  const [header, ...records] = parseCsv((await readFile(reportPath, 'utf8')).replace(/^\uFEFF/, ''));
  expect(header).toEqual(['Order id', 'Carrier', 'Tracking number', 'Row', 'Reason']);
  expect(records).toHaveLength(3);
  expect(records.map((record) => record[0])).toEqual(bad.map((index) => rows[index].orderId));
  expect(records.map((record) => record[3])).toEqual(bad.map((index) => String(index + 2)));
  for (const record of records) expect(record[4].trim()).not.toBe('');

  await preview.getByRole('button', { name: 'Apply 197 shipments' }).click();
  await expect(page.getByRole('status')).toHaveText('Imported 197 shipments, 0 failed', { timeout: 120_000 });
  await expect(preview.getByText('200 rows: 197 shipped, 3 failed', { exact: true })).toBeVisible();
  await expect(resultOf(0)).toHaveText('Shipped');
  for (const index of bad) await expect(resultOf(index)).toHaveText(/^Failed: \S/);

  // Every good order shipped; the bad rows' orders did not (the unknown one does not exist, and
  // the order its row stood in for was in no row).
  for (const [index, orderId] of orderIds.entries()) {
    const expected = bad.includes(index) ? 'WAIT_SELLER_SEND_GOODS' : 'WAIT_BUYER_ACCEPT_GOODS';
    await expect
      .poll(() => orderStatus(request, orderId), { message: `sheet row ${index + 2}` })
      .toBe(expected);
  }
  expect(await orderStatus(request, rows[BAD_ORDER].orderId)).toBe(404);
});

test('a seller exports the awaiting list and the file opens with the right rows', async ({
  page,
  request,
}, testInfo) => {
  await signIn(page, 'demo-admin', 'demo-admin-password');
  await expect(page.getByRole('tab', { name: /^Awaiting shipment/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const saveTo = (name: string) => testInfo.outputPath(name);

  let expected = await demoOrderIds(request, AWAITING);
  expect(expected.length).toBeGreaterThan(0);
  const xlsxPath = await exportFile(page, 'Export .xlsx', /^orders-awaiting-\d{8}\.xlsx$/, saveTo);
  await expect(page.getByRole('status')).toHaveText(exported(expected.length));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const sheet = workbook.worksheets[0];
  const cells = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
  expect(cells(1)).toEqual(EXPORT_HEADER);
  const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => cells(i + 2));
  expect(sorted(rows.map((row) => String(row[0])))).toEqual(sorted(expected));
  for (const row of rows) {
    expect(row[4]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(row[5]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(row[7]).toMatch(/^\d+\.\d{2}$/); // USD, exact cents as text
  }

  expected = await demoOrderIds(request, AWAITING);
  const csvPath = await exportFile(page, 'Export CSV', /^orders-awaiting-\d{8}\.csv$/, saveTo);
  await expect(page.getByRole('status')).toHaveText(exported(expected.length));
  const [header, ...records] = await readCsvExport(csvPath);
  expect(header).toEqual(EXPORT_HEADER);
  expect(sorted(records.map((record) => record[0]))).toEqual(sorted(expected));

  // The Shipped tab (the import shipped about 200) takes more than one page of 100: all of them.
  await page.getByRole('tab', { name: /^Shipped/ }).click();
  const shipped = await demoOrderIds(request, 'WAIT_BUYER_ACCEPT_GOODS');
  const shippedPath = await exportFile(page, 'Export CSV', /^orders-shipped-\d{8}\.csv$/, saveTo);
  await expect(page.getByRole('status')).toHaveText(exported(shipped.length));
  const [, ...shippedRecords] = await readCsvExport(shippedPath);
  expect(sorted(shippedRecords.map((record) => record[0]))).toEqual(sorted(shipped));
});
