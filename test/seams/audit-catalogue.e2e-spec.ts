import { FulfillmentEvents } from '@tradehub/fulfillment/contract';
import { OrderEvents } from '@tradehub/orders/contract';
import { withClient } from '../support/database';
import { cainiaoNumber, scan, tinyPdf, uploadProof } from '../support/fulfillment';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually } from '../support/eventually';

const HOUR = 3600;
const CATALOGUE = [...Object.values(OrderEvents), ...Object.values(FulfillmentEvents)];

interface AuditRow {
  action: string;
  actor: string;
  actor_kind: string;
  request_id: string | null;
  subject_type: string;
  changes: Record<string, unknown>;
  events: { id: string; type: string }[];
}

/**
 * CMP-6: walks orders and packages through every state change the rules define (by people,
 * timers, consumers and reactions) until every event type of the catalogue has been raised, then
 * proves each event left the outbox with the audit record of the change that raised it.
 */
describe('CMP-6: every event in the catalogue comes with its audit record', () => {
  let t: TestApp;
  let service: string;
  let seller: string;
  let operator: string;

  beforeAll(async () => {
    // The third strike threshold at one: the store-level LATE_SHIPMENT_STRIKES flag on the first late order.
    t = await startTestApp({ kafka: false, env: { LATE_STRIKE_THRESHOLD: '1' } });
    service = await t.serviceToken();
    seller = await t.sellerToken(['store-a']);
    operator = await t.operatorToken();
  });

  afterAll(() => t.close());

  const now = async (): Promise<string> => (await t.http.get('/v1/sandbox/clock', operator)).body.now;
  const place = async (): Promise<string> =>
    (await t.http.post('/v1/orders', paidOrder({ paidAt: await now() }), service)).body.id;
  const ship = async (orderId: string): Promise<{ packageId: string; number: string }> => {
    const number = cainiaoNumber();
    const pkg = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: number },
      seller,
    );
    expect(pkg.status).toBe(201);
    return { packageId: pkg.body.id, number };
  };
  const tasksOf = async (orderId: string, kind: string): Promise<{ id: string }[]> =>
    (await t.http.get(`/v1/review-tasks?kind=${kind}`, operator)).body.items.filter(
      (task: { orderId: string }) => task.orderId === orderId,
    );
  const decide = (taskId: string, decision: string) =>
    t.http.post(`/v1/review-tasks/${taskId}/decision`, { decision, reason: 'checked' }, operator);
  const pickUp = async (number: string) =>
    scan(t, { carrierCode: 'CAINIAO', trackingNumber: number, type: 'PICKUP', occurredAt: await now() });

  it('CMP-6: each outbox event is named by exactly one audit record, for every event type of the catalogue', async () => {
    // ORD-2, ORD-4: warned, then late with a strike; the late order ships (FUL-1, FUL-2).
    const late = await place();
    await t.advance(3 * HOUR);
    await t.advance(HOUR);
    const { packageId, number } = await ship(late);
    // ORD-5
    const cancelled = await place();
    expect(
      (
        await t.http.post(
          `/v1/orders/${cancelled}/cancel`,
          { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
          seller,
        )
      ).status,
    ).toBe(200);
    // FUL-2: a refused number (risk type 4) belongs to no aggregate.
    const refused = await place();
    await t.http.post(
      `/v1/orders/${refused}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: 'NOPE' },
      seller,
    );
    // FUL-3, FUL-4: picked up, then silence: no first scan, then stalled into the pool.
    await pickUp(number);
    await t.advance(73 * HOUR);
    const [abnormal] = await tasksOf(late, 'ABNORMAL_LOGISTICS');
    // FUL-5: a proof accepted corrects the track; the operator closes the abnormal case.
    const proof = await uploadProof(t, packageId, seller, tinyPdf('catalogue'));
    expect(proof.status).toBe(201);
    expect((await decide(proof.body.id, 'ACCEPT')).status).toBe(200);
    expect((await decide(abnormal.id, 'CLOSE')).status).toBe(200);
    // FUL-7: delivered.
    await scan(t, {
      carrierCode: 'CAINIAO',
      trackingNumber: number,
      type: 'DELIVERED',
      occurredAt: await now(),
    });
    // FUL-6: another order's shipment stalls and is confirmed fake.
    const fake = await place();
    const second = await ship(fake);
    await pickUp(second.number);
    await scan(t, {
      carrierCode: 'CAINIAO',
      trackingNumber: second.number,
      type: 'IN_TRANSIT',
      occurredAt: await now(),
    });
    await t.advance(73 * HOUR);
    const [stalled] = await tasksOf(fake, 'ABNORMAL_LOGISTICS');
    expect((await decide(stalled.id, 'CONFIRM_FAKE_SHIPMENT')).status).toBe(200);
    // CMP-4: a closed seller's next paid order is refused and checkout told (Orders keeps the closure
    // it heard from Compliance; written here directly, one case does not close an account).
    await withClient(t.databaseUrl, (c) =>
      c.query(`insert into orders.closed_sellers values ('seller-closed', true, 'CMP-4', now())`),
    );
    const closedSeller = await t.http.post(
      '/v1/orders',
      paidOrder({ sellerId: 'seller-closed', paidAt: await now() }),
      service,
    );
    expect(closedSeller.status).toBe(422);
    // The reactions (Orders hearing of Fulfillment's events) run in-process once the relay published them.
    await eventually(async () =>
      expect(
        await withClient(t.databaseUrl, async (c) => {
          const [row] = (
            await c.query(`select count(*)::int as n from platform.outbox where published_at is null`)
          ).rows;
          return row.n;
        }),
      ).toBe(0),
    );
    const deadLetters = await withClient(
      t.databaseUrl,
      async (c) => (await c.query('select * from platform.dead_letters')).rows,
    );
    expect({ deadLetters }).toEqual({ deadLetters: [] });
    expect((await t.http.get(`/v1/orders/${fake}`, seller)).body).toMatchObject({
      inAbnormalPool: false,
      underReview: false,
    });

    const { outbox, audit } = await withClient(t.databaseUrl, async (c) => ({
      outbox: (await c.query<{ id: string; type: string }>('select id, type from platform.outbox')).rows,
      audit: (await c.query<AuditRow>('select * from platform.audit_log')).rows,
    }));
    const auditOf = new Map<string, AuditRow[]>();
    for (const row of audit)
      for (const event of row.events) auditOf.set(event.id, [...(auditOf.get(event.id) ?? []), row]);
    const unaudited = outbox.filter((e) => (auditOf.get(e.id) ?? []).length !== 1);
    expect({ unaudited }).toEqual({ unaudited: [] });
    const raised = new Set(outbox.map((e) => e.type));
    expect({ notRaised: CATALOGUE.filter((type) => !raised.has(type)) }).toEqual({ notRaised: [] });
    for (const row of audit.filter((r) => r.events.length > 0)) {
      expect(row).toMatchObject({ actor: expect.any(String), action: expect.any(String) });
      expect(row.request_id).toEqual(expect.any(String));
    }
    // Timers, consumers and people all left their own records.
    const actors = new Set(audit.map((r) => r.actor));
    expect([...actors]).toEqual(
      expect.arrayContaining([
        'system',
        'test-operator',
        'seller-store-a',
        'test-service',
        'consumer:orders.logistics-flags',
      ]),
    );
  }, 60_000);

  it('CMP-6: carrier scans and system flags are audited with before and after of what they changed', async () => {
    const orderId = await place();
    const { packageId, number } = await ship(orderId);
    await pickUp(number);
    await t.advance(25 * HOUR);
    const rows = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query<AuditRow>(`select * from platform.audit_log where subject_id = $1 order by seq`, [
            packageId,
          ])
        ).rows,
    );
    expect(rows.map((r) => [r.action, r.actor])).toEqual([
      ['package.shipment-requested', 'seller-store-a'],
      ['package.shipped', 'seller-store-a'],
      ['package.tracking-updated', 'test-service'],
      ['package.no-first-scan', 'system'],
    ]);
    expect(rows[2].changes).toMatchObject({ status: { from: 'SHIPPED', to: 'PICKED_UP' } });
    expect(rows[3].changes).toMatchObject({ noFirstScan: { from: false, to: true } });
  });
});
