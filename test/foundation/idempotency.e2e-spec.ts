import { withClient } from '../support/database';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';

describe('API-3 Idempotency-Key on mutating calls', () => {
  let t: TestApp;
  let service: string;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    service = await t.serviceToken();
  });

  afterAll(() => t.close());

  const count = (sql: string): Promise<number> =>
    withClient(t.databaseUrl, async (c) => Number((await c.query(sql)).rows[0].count));

  it('API-3: a retry with the same key and body returns the first answer and creates nothing new', async () => {
    const body = paidOrder();
    const headers = { 'idempotency-key': 'retry-1' };
    const first = await t.http.post('/v1/orders', body, service, headers);
    const retry = await t.http.post('/v1/orders', body, service, headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(
      await count(
        `select count(*) from orders.orders where marketplace_order_id = '${body.marketplaceOrderId}'`,
      ),
    ).toBe(1);
    expect(
      await count(
        `select count(*) from platform.outbox where key = '${first.body.id}' and type = 'tradehub.orders.order-placed'`,
      ),
    ).toBe(1);
  });

  it('API-3: the same key with a different body is refused with 422', async () => {
    const headers = { 'idempotency-key': 'retry-2' };
    await t.http.post('/v1/orders', paidOrder(), service, headers);
    const other = await t.http.post('/v1/orders', paidOrder(), service, headers);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      errors: [{ field: 'idempotency-key' }],
    });
  });

  it('API-3: a duplicate arriving while the first is still in progress gets 409', async () => {
    const body = paidOrder();
    // The first attempt holds the key, as if its request were still running on another replica.
    const first = await t.http.post('/v1/orders', body, service, { 'idempotency-key': 'probe' });
    const stored = await withClient(
      t.databaseUrl,
      async (c) =>
        (await c.query(`select request_hash from platform.idempotency_keys where key = 'probe'`)).rows[0],
    );
    await withClient(t.databaseUrl, (c) =>
      c.query(
        `insert into platform.idempotency_keys (principal, key, method, path, request_hash, state, locked_until)
         values ('test-service', 'busy', 'POST', '/v1/orders', $1, 'in_progress', now() + interval '1 minute')`,
        [stored.request_hash],
      ),
    );
    expect(first.status).toBe(201);
    const duplicate = await t.http.post('/v1/orders', body, service, { 'idempotency-key': 'busy' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('IDEMPOTENT_REQUEST_IN_PROGRESS');
  });

  it('API-3: a failed first attempt releases the key, so the corrected retry runs', async () => {
    const headers = { 'idempotency-key': 'fix-and-retry' };
    const bad = paidOrder({ channel: 'shopify' });
    expect((await t.http.post('/v1/orders', bad, service, headers)).status).toBe(422);
    expect((await t.http.post('/v1/orders', bad, service, headers)).status).toBe(422);
    expect(await count(`select count(*) from platform.idempotency_keys where key = 'fix-and-retry'`)).toBe(0);
  });

  it('API-3: concurrent duplicates produce one order and the others replay or wait (never a second effect)', async () => {
    const body = paidOrder();
    const headers = { 'idempotency-key': 'race' };
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => t.http.post('/v1/orders', body, service, headers)),
    );
    for (const a of answers) expect([201, 409]).toContain(a.status);
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(
      await count(
        `select count(*) from orders.orders where marketplace_order_id = '${body.marketplaceOrderId}'`,
      ),
    ).toBe(1);
  });
});
