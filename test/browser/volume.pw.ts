import { expect, test } from '@playwright/test';
import { type DemoOrderTemplate, operatorHeaders, placeDemoOrder, sandboxNow, signIn, usd } from './support';

// The console with 10,000 orders in one list: the rows in the page stay a screenful however many
// the list holds (virtualised), and the list comes from the server a page at a time as it scrolls.
// Runs after the other files (alphabetical order): its orders would only slow their exports.

const ORDERS = 10_000;
const STORE = 'store-chengdu';

/** The 10,000 orders, all alike but for their ids and paid-at. */
const VOLUME_ORDER: DemoOrderTemplate = {
  storeId: STORE,
  lines: [{ sku: 'SKU-VOL', title: 'Volume item', quantity: 1, unitPrice: usd('1000') }],
  shippingFee: usd('0'),
  shippingAddress: {
    name: 'Buyer',
    line1: '1 Calle Mayor',
    city: 'Madrid',
    postalCode: '28013',
    country: 'ES',
  },
};

test('a list of 10,000 orders stays a screenful of rows and loads page by page as it scrolls', async ({
  page,
  request,
}) => {
  test.setTimeout(600_000);
  const run = Date.now().toString(36).toUpperCase();
  const start = (await sandboxNow(request)) - 60 * 60_000;
  let next = 0;
  // 16 ingests in flight until all are in.
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < ORDERS) {
        const n = next++;
        await placeDemoOrder(request, {
          ...VOLUME_ORDER,
          marketplaceOrderId: `VOL-${run}-${n}`,
          paidAt: start + n * 300,
        });
      }
    }),
  );

  const pages: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/v1/orders' && url.searchParams.get('storeId') === STORE) pages.push(r.url());
  });
  await signIn(page, 'demo-admin', 'demo-admin-password');
  // A select of the seller's stores once /v1/access/me answered.
  await page.getByRole('combobox', { name: 'Store' }).selectOption(STORE);
  // The store's awaiting count as the API gives it; the tab shows it once the store's counts arrived.
  const counts = await request.get('/v1/orders/counts', {
    headers: operatorHeaders(),
    params: { storeId: STORE },
  });
  const { byStatus } = (await counts.json()) as { byStatus: Record<string, number> };
  const count = (byStatus.WAIT_SELLER_SEND_GOODS ?? 0) + (byStatus.SELLER_PART_SEND_GOODS ?? 0);
  const tab = page.getByRole('tab', { name: /^Awaiting shipment \(\d+\)$/ });
  await expect(tab).toHaveText(`Awaiting shipment (${count})`);
  expect(count).toBeGreaterThanOrEqual(ORDERS);

  const table = page.getByRole('table', { name: 'Orders' });
  await expect(table).toHaveAttribute('aria-rowcount', String(count + 1));
  const rowsInPage = () => table.getByRole('row').count();
  const lastRowIndex = () =>
    table.evaluate((el) =>
      Math.max(
        ...[...el.querySelectorAll('[role=row][aria-rowindex]')].map((r) =>
          Number(r.getAttribute('aria-rowindex')),
        ),
      ),
    );

  // Scroll to the end of what is loaded, again and again: the next page comes in each time, and
  // the rows in the page stay a screenful.
  const scrolledToEnd = async (): Promise<number> => {
    await table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    return lastRowIndex();
  };
  let seen = await lastRowIndex();
  while (seen <= 1000) {
    const before = seen;
    await expect.poll(scrolledToEnd, { timeout: 30_000 }).toBeGreaterThan(before + 50);
    seen = await lastRowIndex();
    expect(await rowsInPage()).toBeLessThan(60);
  }
  expect(await lastRowIndex()).toBeGreaterThan(1000);
  // Server-paginated: a request per page of 100, never the whole list.
  expect(pages.length).toBeGreaterThanOrEqual(11);
  for (const url of pages) expect(new URL(url).searchParams.get('limit')).toBe('100');
});
