import { withClient } from '../support/database';
import { eventually } from '../support/eventually';
import { paidOrder } from '../support/orders';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Compliance running without Reviews in any process: the store's refresh needs Reviews' figures
 * (a contract call through Kafka that nobody answers), so it waits and tries again a minute later
 * instead of failing its timer, which would end the store's daily refresh.
 */
describe('Compliance: a store standing when Reviews does not answer', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { CONTEXTS: 'orders,fulfillment,settlement,disputes,compliance' } });
  });

  afterAll(async () => {
    await t.close();
  });

  it('CMP-1: the refresh is put off by a minute, not failed, and nothing half-computed is kept', async () => {
    const now = (await t.http.get('/v1/sandbox/clock', await t.operatorToken())).body.now as string;
    const placed = await t.http.post(
      '/v1/orders',
      paidOrder({ storeId: 'cmp-unavailable', paidAt: now }),
      await t.serviceToken(),
    );
    expect(placed.status).toBe(201);
    await eventually(async () => {
      const rows = await withClient(
        t.databaseUrl,
        async (c) =>
          (
            await c.query(
              `select status, due_at from platform.timers where kind = 'compliance.standing-refresh' and subject = 'store:cmp-unavailable'`,
            )
          ).rows,
      );
      expect(rows.map((r) => r.status).sort()).toEqual(['fired', 'pending']);
      const pending = rows.find((r) => r.status === 'pending')!;
      expect(new Date(pending.due_at).getTime()).toBeGreaterThanOrEqual(Date.parse(now) + 60_000);
    }, 40_000);
    const kept = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query(
            `select count(*)::int as n from compliance.store_standing where store_id = 'cmp-unavailable'`,
          )
        ).rows[0].n,
    );
    expect(kept).toBe(0);
  });
});
