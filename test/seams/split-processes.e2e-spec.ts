import { loadConfig, TokenService } from '@tradehub/platform';
import { dropDatabase } from '../support/database';
import { uniqueName } from '../support/env';
import { cainiaoNumber } from '../support/fulfillment';
import { HttpClient } from '../support/http';
import { paidOrder } from '../support/orders';
import { AppProcess, ensureBuilt, freePort } from '../support/processes';
import { processEnv, sharedDatabase } from '../support/split-topology';
import { startTestApp, TestApp } from '../support/test-app';

const SECRET = 'split-process-test-secret-0123456789abcdef';

interface Topology {
  orders: HttpClient;
  fulfillment: HttpClient;
  service: string;
  seller: string;
}

/**
 * Orders and Fulfillment in two OS processes that share only the Kafka broker and the PostgreSQL
 * server (each context on its own role), walked through the same order life and the same
 * cancel-versus-ship races as one process running both: the results are the same.
 */
describe('contexts in separate processes behave as in one', () => {
  let databaseUrl: string;
  let ordersProcess: AppProcess;
  let fulfillmentProcess: AppProcess;
  let split: Topology;
  let single: TestApp;
  let together: Topology;

  beforeAll(async () => {
    ensureBuilt();
    databaseUrl = await sharedDatabase();
    // Both topologies start their simulated clocks at the same instant (T0).
    const namespace = uniqueName('split');
    const env = (contexts: string) => processEnv(databaseUrl, namespace, SECRET, contexts);
    ordersProcess = new AppProcess(await freePort(), env('orders'));
    fulfillmentProcess = new AppProcess(await freePort(), env('fulfillment'));
    ordersProcess.start();
    fulfillmentProcess.start();
    await Promise.all([ordersProcess.ready(), fulfillmentProcess.ready()]);
    const tokens = new TokenService(loadConfig({ AUTH_JWT_SECRET: SECRET }));
    split = {
      orders: ordersProcess.http,
      fulfillment: fulfillmentProcess.http,
      service: await tokens.mint({ id: 'checkout', kind: 'service', stores: '*', scopes: [] }),
      seller: await tokens.mint({ id: 'seller-a', kind: 'seller_staff', stores: ['store-a'], scopes: [] }),
    };
    single = await startTestApp();
    together = {
      orders: single.http,
      fulfillment: single.http,
      service: await single.serviceToken(),
      seller: await single.sellerToken(['store-a']),
    };
  }, 120_000);

  afterAll(async () => {
    const codes = await Promise.all([ordersProcess?.stop(), fulfillmentProcess?.stop()]);
    await single?.close();
    if (databaseUrl) await dropDatabase(databaseUrl);
    expect(codes).toEqual([0, 0]);
  });

  it('paid -> partly shipped -> shipped -> picked up -> delivered: the same statuses, read at once, in both', async () => {
    const inSplit = await walk(split);
    const inOne = await walk(together);
    expect(inSplit).toEqual(inOne);
    expect(inSplit.statuses).toEqual([
      'WAIT_SELLER_SEND_GOODS',
      'SELLER_PART_SEND_GOODS',
      'WAIT_BUYER_ACCEPT_GOODS',
      'FUND_PROCESSING',
    ]);
  }, 60_000);

  it('cancel versus ship at the same moment: exactly one wins, and both contexts agree, in both', async () => {
    for (const topology of [split, together]) {
      const outcomes = new Set<string>();
      for (let round = 0; round < 8; round++) outcomes.add(await race(topology));
      // Which one wins is timing; that one always wins whole is the point.
      for (const outcome of outcomes) expect(['shipped', 'cancelled']).toContain(outcome);
    }
  }, 120_000);
});

async function walk(t: Topology): Promise<{ statuses: string[]; packages: unknown[] }> {
  const orderId = (
    await t.orders.post(
      '/v1/orders',
      paidOrder({
        lines: [
          { lineId: 'L1', sku: 'A', title: 'a', quantity: 1, unitPrice: { minor: '100', currency: 'USD' } },
          { lineId: 'L2', sku: 'B', title: 'b', quantity: 2, unitPrice: { minor: '200', currency: 'USD' } },
        ],
      }),
      t.service,
    )
  ).body.id;
  const status = async (): Promise<string> =>
    (await t.orders.get(`/v1/orders/${orderId}`, t.seller)).body.status;
  const statuses = [await status()];
  const first = cainiaoNumber();
  const second = cainiaoNumber();
  const ship = (trackingNumber: string, lines?: unknown[]) =>
    t.fulfillment.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber, lines },
      t.seller,
    );
  expect((await ship(first, [{ lineId: 'L1', quantity: 1 }])).status).toBe(201);
  statuses.push(await status());
  expect((await ship(second)).status).toBe(201);
  statuses.push(await status());
  for (const [number, type, hour] of [
    [first, 'PICKUP', 1],
    [second, 'PICKUP', 1],
    [first, 'DELIVERED', 2],
    [second, 'DELIVERED', 3],
  ] as const) {
    const scan = await t.fulfillment.post(
      '/v1/tracking-events',
      {
        eventId: `${number}-${type}`,
        carrierCode: 'CAINIAO',
        trackingNumber: number,
        type,
        occurredAt: new Date(Date.parse('2026-11-26T00:00:00Z') + hour * 3_600_000).toISOString(),
      },
      t.service,
    );
    expect(scan.status).toBe(200);
  }
  // Orders is told of the delivery right after it committed in Fulfillment (and by its event).
  statuses.push(await eventually(status, 'FUND_PROCESSING'));
  const packages = (await t.fulfillment.get(`/v1/orders/${orderId}/packages`, t.seller)).body.map(
    (p: { lines: unknown; status: string; deliveredAt: string }) => ({
      lines: p.lines,
      status: p.status,
      deliveredAt: p.deliveredAt,
    }),
  );
  return { statuses, packages };
}

/** One cancel and one shipment of the same order at once; checks the outcome is whole; returns which won. */
async function race(t: Topology): Promise<'shipped' | 'cancelled'> {
  const orderId = (await t.orders.post('/v1/orders', paidOrder(), t.service)).body.id;
  const [cancel, ship] = await Promise.all([
    t.orders.post(`/v1/orders/${orderId}/cancel`, { initiator: 'SELLER', reason: 'OUT_OF_STOCK' }, t.seller),
    t.fulfillment.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
      t.seller,
    ),
  ]);
  const order = (await t.orders.get(`/v1/orders/${orderId}`, t.seller)).body;
  const packages = (await t.fulfillment.get(`/v1/orders/${orderId}/packages`, t.seller)).body;
  if (ship.status === 201) {
    expect(cancel).toMatchObject({ status: 422, body: { code: 'ORDER_NOT_CANCELLABLE' } });
    expect(order.status).toBe('WAIT_BUYER_ACCEPT_GOODS');
    expect(packages).toHaveLength(1);
    return 'shipped';
  }
  expect(cancel.status).toBe(200);
  expect(ship).toMatchObject({ status: 422, body: { code: 'ORDER_NOT_SHIPPABLE' } });
  expect(order).toMatchObject({ status: 'FINISH', lines: [{ shippedQuantity: 0 }] });
  expect(packages).toEqual([]);
  return 'cancelled';
}

async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value === expected || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}
