import { createDatabase, dropDatabase, withClient } from '../support/database';
import { uniqueName } from '../support/env';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';

describe('durable timers with two app instances on one database', () => {
  let databaseUrl: string;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    databaseUrl = await createDatabase();
    const namespace = uniqueName('t');
    // Small batches and fast ticks make the two sweepers interleave on the same rows.
    const env = { TIMER_BATCH_SIZE: '3', TIMER_POLL_MS: '20' };
    a = await startTestApp({ databaseUrl, namespace, env });
    b = await startTestApp({ databaseUrl, namespace, env });
  });

  afterAll(async () => {
    await a.close({ dropDatabase: false });
    await b.close({ dropDatabase: false });
    await dropDatabase(databaseUrl);
  });

  it('ORD-2: with two replicas sweeping and both advancing the clock, each deadline fires exactly once', async () => {
    const service = await a.serviceToken();
    const orderIds: string[] = [];
    for (let i = 0; i < 30; i++) {
      const response = await (i % 2 ? a : b).http.post(
        '/v1/orders',
        paidOrder({ storeId: `store-${i % 3}` }),
        service,
      );
      orderIds.push(response.body.id);
    }
    const operator = await a.operatorToken();
    const target = { to: '2026-11-26T05:00:00.000Z' };
    const answers = await Promise.all([
      a.http.post('/v1/sandbox/clock/advance', target, operator),
      b.http.post('/v1/sandbox/clock/advance', target, operator),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);

    await withClient(databaseUrl, async (c) => {
      // The orders' two deadlines each (other timers exist too: a store's strike window, Compliance's daily refresh).
      const timers = await c.query(
        `select status, attempts from platform.timers where kind in ('orders.ship-deadline', 'orders.ship-deadline-warning')`,
      );
      expect(timers.rows).toHaveLength(60);
      const firedTwice = await c.query(
        `select id from platform.timers where status = 'fired' and attempts <> 1`,
      );
      expect(firedTwice.rows).toEqual([]);
      expect(
        timers.rows.every(
          (r: { status: string; attempts: number }) => r.status === 'fired' && r.attempts === 1,
        ),
      ).toBe(true);
      const missed = await c.query(
        `select key, count(*)::int as n from platform.outbox where type = 'tradehub.orders.ship-deadline-missed' group by key`,
      );
      expect(missed.rows).toHaveLength(30);
      expect(missed.rows.every((r: { n: number }) => r.n === 1)).toBe(true);
      const near = await c.query(
        `select count(*)::int as n from platform.outbox where type = 'tradehub.orders.ship-deadline-near'`,
      );
      expect(near.rows[0].n).toBe(30);
      const strikes = await c.query(`select count(*)::int as n from orders.late_shipment_strikes`);
      expect(strikes.rows[0].n).toBe(30);
      // ORD-4: strikes fired concurrently by two replicas are still counted one by one per store.
      const counts = await c.query(
        `select payload->>'storeId' as store, array_agg((payload->>'strikesInWindow')::int order by (payload->>'strikesInWindow')::int) as n
         from platform.outbox where type = 'tradehub.orders.late-shipment-strike-recorded' group by 1`,
      );
      expect(counts.rows).toHaveLength(3);
      for (const row of counts.rows) expect(row.n).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });
  });
});
