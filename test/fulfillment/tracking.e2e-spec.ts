import { Producer } from 'kafkajs';
import { FulfillmentModule } from '@tradehub/fulfillment';
import { UnitOfWork } from '@tradehub/platform';
import { CarrierCatalog, Package, TrackingNumber } from '../../libs/fulfillment/src/domain';
import { withClient } from '../support/database';
import { cainiaoNumber, scan, tinyPdf, uploadProof } from '../support/fulfillment';
import { KafkaProbe, producer } from '../support/kafka';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually } from '../support/eventually';

const HOUR = 3600;

describe('FUL-3..FUL-7 tracking, the abnormal-logistics pool and the review queue', () => {
  let t: TestApp;
  let probe: KafkaProbe;
  let logistics: Producer;
  let seller: string;
  let operator: string;

  beforeAll(async () => {
    t = await startTestApp();
    probe = new KafkaProbe();
    await probe.start([t.topic('fulfillment')]);
    logistics = await producer();
    seller = await t.sellerToken(['store-a']);
    operator = await t.operatorToken();
  });

  afterAll(async () => {
    await logistics.disconnect();
    await probe.stop();
    await t.close();
  });

  const now = async (): Promise<string> => (await t.http.get('/v1/sandbox/clock', operator)).body.now;
  const shipOne = async (): Promise<{ orderId: string; packageId: string; number: string }> => {
    const orderId = (
      await t.http.post('/v1/orders', paidOrder({ paidAt: await now() }), await t.serviceToken())
    ).body.id;
    const number = cainiaoNumber();
    const pkg = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: number },
      seller,
    );
    return { orderId, packageId: pkg.body.id, number };
  };
  const pkgOf = async (packageId: string) => (await t.http.get(`/v1/packages/${packageId}`, seller)).body;
  const flagsFor = (orderId: string, code: string) =>
    probe.messages.filter(
      (m) =>
        m.key === orderId &&
        m.headers.ce_type === 'tradehub.fulfillment.risk-flag-raised' &&
        m.body.data.code === code,
    );

  it('FUL-3: picked up and no tracking update for 24 h flags the package NO_FIRST_SCAN', async () => {
    const { orderId, packageId, number } = await shipOne();
    await scan(t, {
      carrierCode: 'CAINIAO',
      trackingNumber: number,
      type: 'PICKUP',
      occurredAt: await now(),
    });
    await t.advance(23 * HOUR);
    expect((await pkgOf(packageId)).noFirstScan).toBe(false);
    await t.advance(2 * HOUR);
    expect((await pkgOf(packageId)).noFirstScan).toBe(true);
    await probe.waitFor(
      (m) => m.key === orderId && m.headers.ce_type === 'tradehub.fulfillment.no-first-scan',
    );
    await probe.waitFor(() => flagsFor(orderId, 'NO_FIRST_SCAN').length > 0);
  });

  it('FUL-3: a first scan within 24 h keeps the package clear', async () => {
    const { packageId, number } = await shipOne();
    await scan(t, {
      carrierCode: 'CAINIAO',
      trackingNumber: number,
      type: 'PICKUP',
      occurredAt: await now(),
    });
    await t.advance(2 * HOUR);
    await scan(t, {
      carrierCode: 'CAINIAO',
      trackingNumber: number,
      type: 'IN_TRANSIT',
      occurredAt: await now(),
    });
    await t.advance(30 * HOUR);
    expect((await pkgOf(packageId)).noFirstScan).toBe(false);
  });

  it('FUL-4: 72 h of silence in transit opens an abnormal-logistics task; a new scan does not close it, the operator does', async () => {
    const { orderId, packageId, number } = await shipOne();
    await scan(t, {
      carrierCode: 'CAINIAO',
      trackingNumber: number,
      type: 'PICKUP',
      occurredAt: await now(),
    });
    await t.advance(HOUR);
    await scan(t, {
      carrierCode: 'CAINIAO',
      trackingNumber: number,
      type: 'IN_TRANSIT',
      occurredAt: await now(),
    });
    await t.advance(71 * HOUR);
    expect((await pkgOf(packageId)).stalledSince).toBeNull();
    await t.advance(2 * HOUR);
    expect((await pkgOf(packageId)).stalledSince).not.toBeNull();
    await probe.waitFor(() => flagsFor(orderId, 'LOGISTICS_STALLED').length > 0);
    const queue = await t.http.get('/v1/review-tasks?kind=ABNORMAL_LOGISTICS', operator);
    const task = queue.body.items.find((i: { packageId: string }) => i.packageId === packageId);
    expect(task).toMatchObject({ status: 'OPEN', orderId });

    await scan(t, {
      carrierCode: 'CAINIAO',
      trackingNumber: number,
      type: 'IN_TRANSIT',
      occurredAt: await now(),
    });
    expect((await t.http.get(`/v1/review-tasks/${task.id}`, operator)).body.status).toBe('OPEN');
    expect((await pkgOf(packageId)).stalledSince).not.toBeNull();

    const byStaff = await t.http.post(
      `/v1/review-tasks/${task.id}/decision`,
      { decision: 'CLOSE', reason: 'moving again' },
      seller,
    );
    expect(byStaff.status).toBe(403);
    const closed = await t.http.post(
      `/v1/review-tasks/${task.id}/decision`,
      { decision: 'CLOSE', reason: 'Carrier confirmed the delay' },
      operator,
    );
    expect(closed.body).toMatchObject({
      status: 'CLOSED',
      decidedBy: 'test-operator',
      reason: 'Carrier confirmed the delay',
    });
    expect((await pkgOf(packageId)).stalledSince).toBeNull();
    const again = await t.http.post(
      `/v1/review-tasks/${task.id}/decision`,
      { decision: 'CONFIRM_FAKE_SHIPMENT', reason: 'changed my mind' },
      operator,
    );
    // A decision is final: another outcome is refused (the same one again is a retry, see API-3 below).
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('REVIEW_TASK_ALREADY_DECIDED');
  });

  it('FUL-5: a proof left unreviewed for 2 h raises PROOF_REVIEW_OVERDUE; the queue shows it oldest first with its SLA', async () => {
    const first = await shipOne();
    const second = await shipOne();
    const a = await uploadProof(t, first.packageId, seller, tinyPdf('a'));
    await t.advance(60);
    const b = await uploadProof(t, second.packageId, seller, tinyPdf('b'));
    expect(a.status).toBe(201);
    expect(Date.parse(a.body.slaDueAt) - Date.parse(a.body.openedAt)).toBe(2 * HOUR * 1000);
    const queue = (await t.http.get('/v1/review-tasks?kind=LOGISTICS_PROOF', operator)).body.items.map(
      (i: { id: string }) => i.id,
    );
    expect(queue.indexOf(a.body.id)).toBeLessThan(queue.indexOf(b.body.id));
    await t.advance(2 * HOUR);
    await probe.waitFor(() => flagsFor(first.orderId, 'PROOF_REVIEW_OVERDUE').length > 0);
    expect((await t.http.get(`/v1/review-tasks/${a.body.id}`, operator)).body.overdue).toBe(true);
    expect(flagsFor(first.orderId, 'PROOF_REVIEW_OVERDUE')).toHaveLength(1);
  });

  it('FUL-5: only a real PDF within the size limit is accepted; a second open proof for the package is refused', async () => {
    const { packageId } = await shipOne();
    const fake = await uploadProof(
      t,
      packageId,
      seller,
      new TextEncoder().encode('GIF89a not a pdf'),
      'proof.pdf',
    );
    expect(fake.status).toBe(400);
    expect(fake.headers.get('content-type')).toContain('application/problem+json');
    expect(fake.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(tinyPdf());
    const oversize = await uploadProof(t, packageId, seller, big);
    expect(oversize.status).toBe(413);
    expect(oversize.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    const json = await t.http.request('POST', `/v1/packages/${packageId}/proofs`, {
      token: seller,
      body: { file: 'x' },
    });
    expect(json.status).toBe(415);
    const count = await withClient(t.databaseUrl, async (c) =>
      Number(
        (await c.query('select count(*) from fulfillment.review_tasks where package_id = $1', [packageId]))
          .rows[0].count,
      ),
    );
    expect(count).toBe(0);
    expect((await uploadProof(t, packageId, seller, tinyPdf())).status).toBe(201);
    const second = await uploadProof(t, packageId, seller, tinyPdf('second'));
    expect(second.status).toBe(409);
  });

  it('API-3: re-sending the same proof or the same decision answers again with no second effect', async () => {
    const { packageId } = await shipOne();
    const first = await uploadProof(t, packageId, seller, tinyPdf('retry'));
    const again = await uploadProof(t, packageId, seller, tinyPdf('retry'));
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const decision = { decision: 'REJECT', reason: 'Slip unreadable' };
    const decided = await t.http.post(`/v1/review-tasks/${first.body.id}/decision`, decision, operator);
    const retried = await t.http.post(`/v1/review-tasks/${first.body.id}/decision`, decision, operator);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(decided.body);
    const decisions = await withClient(t.databaseUrl, async (c) =>
      Number(
        (
          await c.query(
            `select count(*) from platform.outbox where type = 'tradehub.fulfillment.review-task-decided' and payload->>'taskId' = $1`,
            [first.body.id],
          )
        ).rows[0].count,
      ),
    );
    expect(decisions).toBe(1);
  });

  it('FUL-6: a reviewer confirming a fake shipment emits the case for Compliance, with who and why', async () => {
    const { orderId, packageId } = await shipOne();
    const task = await uploadProof(t, packageId, seller, tinyPdf('forged'));
    const decided = await t.http.post(
      `/v1/review-tasks/${task.body.id}/decision`,
      { decision: 'CONFIRM_FAKE_SHIPMENT', reason: 'Waybill logo forged' },
      operator,
    );
    expect(decided.body.status).toBe('FAKE_SHIPMENT_CONFIRMED');
    const [caseEvent] = await probe.waitFor(
      (m) => m.key === orderId && m.headers.ce_type === 'tradehub.fulfillment.fake-shipment-confirmed',
    );
    expect(caseEvent.body.data).toMatchObject({
      orderId,
      packageId,
      storeId: 'store-a',
      taskId: task.body.id,
      reason: 'Waybill logo forged',
      decidedBy: 'test-operator',
    });
    await probe.waitFor(() => flagsFor(orderId, 'FAKE_SHIPMENT_SUSPECTED').length > 0);
    const audit = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query(
            `select actor, action, changes from platform.audit_log where subject_id = $1 and action = 'review-task.decided'`,
            [task.body.id],
          )
        ).rows,
    );
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'test-operator',
        changes: expect.objectContaining({
          reason: { from: null, to: 'Waybill logo forged' },
          status: { from: 'OPEN', to: 'FAKE_SHIPMENT_CONFIRMED' },
        }),
      }),
    ]);
  });

  it('FUL-7 via the Kafka feed: scans are idempotent and out-of-order tolerant; delivery delivers the order', async () => {
    const { orderId, packageId, number } = await shipOne();
    const at = await now();
    const feed = (eventId: string, type: string, occurredAt: string) => ({
      key: number,
      value: JSON.stringify({ eventId, carrierCode: 'CAINIAO', trackingNumber: number, type, occurredAt }),
    });
    await t.advance(3 * HOUR);
    const t1 = new Date(Date.parse(at) + HOUR).toISOString();
    const t2 = new Date(Date.parse(at) + 2 * HOUR).toISOString();
    await logistics.send({
      topic: `${t.namespace}.logistics.tracking.v1`,
      messages: [
        feed('e-deliv', 'DELIVERED', t2),
        feed('e-deliv', 'DELIVERED', t2),
        feed('e-pick', 'PICKUP', t1),
        { key: number, value: '{broken' },
      ],
    });
    await probe.waitFor(
      (m) => m.key === orderId && m.headers.ce_type === 'tradehub.fulfillment.order-delivered',
    );
    // The feed is consumed in order; the older PICKUP comes after the delivery that was published already.
    await eventually(async () => expect((await pkgOf(packageId)).trackingEvents).toHaveLength(2));
    const pkg = await pkgOf(packageId);
    expect(pkg).toMatchObject({ status: 'DELIVERED', deliveredAt: t2, pickedUpAt: t1 });
    expect(pkg.trackingEvents.map((e: { eventId: string }) => e.eventId)).toEqual(['e-pick', 'e-deliv']);
    expect(
      probe.messages.filter(
        (m) => m.key === orderId && m.headers.ce_type === 'tradehub.fulfillment.package-delivered',
      ),
    ).toHaveLength(1);
    // Orders hears of the delivery from Fulfillment's call after the scan committed (README: consistency windows).
    await eventually(async () =>
      expect((await t.http.get(`/v1/orders/${orderId}`, seller)).body.status).toBe('FUND_PROCESSING'),
    );
  });

  it('FUL-3: a scan that arrives before the seller confirms the shipment is kept and applied on confirmation', async () => {
    const service = await t.serviceToken();
    const number = cainiaoNumber();
    const early = await t.http.post(
      '/v1/tracking-events',
      {
        eventId: 'early-pickup',
        carrierCode: 'CAINIAO',
        trackingNumber: number,
        type: 'PICKUP',
        occurredAt: await now(),
      },
      service,
    );
    expect(early.body).toEqual({ applied: 0, packageIds: [], parked: true });
    const orderId = (await t.http.post('/v1/orders', paidOrder({ paidAt: await now() }), service)).body.id;
    await t.advance(HOUR);
    const pkg = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: number },
      seller,
    );
    const shown = await pkgOf(pkg.body.id);
    expect(shown).toMatchObject({
      status: 'PICKED_UP',
      trackingEvents: [expect.objectContaining({ eventId: 'early-pickup' })],
    });
    expect(shown.pickedUpAt).not.toBeNull();
    // CMP-6: the parked scan's arrival and its move into the package are both audited, in full.
    const audit = await withClient(t.databaseUrl, async (c) =>
      (
        await c.query(
          `select action, changes from platform.audit_log where subject_type = 'unmatched_scans' and subject_id = $1 order by seq`,
          [`CAINIAO/${number}/early-pickup`],
        )
      ).rows.map((r) => ({ action: r.action, fields: Object.keys(r.changes).sort(), changes: r.changes })),
    );
    const fields = [
      'carrierCode',
      'description',
      'eventId',
      'location',
      'occurredAt',
      'receivedAt',
      'trackingNumber',
      'type',
    ];
    expect(audit).toMatchObject([
      { action: 'unmatched_scans.recorded', fields },
      {
        action: 'unmatched_scans.removed',
        fields,
        changes: { eventId: { from: 'early-pickup', to: null }, type: { from: 'PICKUP', to: null } },
      },
    ]);
    expect(audit[1].changes.receivedAt.from).toEqual(audit[0].changes.receivedAt.to);
  });

  it('FUL-2, FUL-3: a confirmation its process left half-way is finished by the recovery timer, with a scan parked meanwhile applied', async () => {
    const service = await t.serviceToken();
    const order = paidOrder({ paidAt: await now() });
    const orderId = (await t.http.post('/v1/orders', order, service)).body.id;
    const number = cainiaoNumber();
    // Step (1) of the saga only, as if the process died right after it: the package is PENDING.
    const fulfillment = t.app.select(FulfillmentModule);
    const catalog = fulfillment.get(CarrierCatalog, { strict: false });
    const pending = await fulfillment.get(UnitOfWork, { strict: true }).run(async (tx) => {
      const pkg = Package.request(
        {
          orderId,
          storeId: order.storeId,
          buyerId: order.buyerId,
          trackingNumber: TrackingNumber.of(
            catalog.require('CAINIAO', 'carrierCode'),
            number,
            'trackingNumber',
          ),
          lines: null,
        },
        new Date(await now()),
        { confirmRecoverySeconds: 30 },
      );
      tx.save(pkg);
      return pkg;
    });
    expect(
      (
        await t.http.post(
          '/v1/tracking-events',
          {
            eventId: 'meanwhile',
            carrierCode: 'CAINIAO',
            trackingNumber: number,
            type: 'PICKUP',
            occurredAt: await now(),
          },
          service,
        )
      ).body,
    ).toMatchObject({ parked: true });
    // The recovery timer finishes it inside its own transaction, and applies the parked scan.
    await t.advance(60);
    expect(await pkgOf(pending.id)).toMatchObject({
      status: 'PICKED_UP',
      trackingEvents: [expect.objectContaining({ eventId: 'meanwhile' })],
    });
    expect((await t.http.get(`/v1/orders/${orderId}`, seller)).body.status).toBe('WAIT_BUYER_ACCEPT_GOODS');
  });

  it('FUL-7: a delivery scan parked before the confirmation delivers the order when the confirmation applies it', async () => {
    const service = await t.serviceToken();
    const number = cainiaoNumber();
    const at = await now();
    for (const [eventId, type] of [
      ['early-1', 'PICKUP'],
      ['early-2', 'DELIVERED'],
    ])
      expect(
        (
          await t.http.post(
            '/v1/tracking-events',
            { eventId, carrierCode: 'CAINIAO', trackingNumber: number, type, occurredAt: at },
            service,
          )
        ).body,
      ).toMatchObject({ parked: true });
    const orderId = (await t.http.post('/v1/orders', paidOrder({ paidAt: at }), service)).body.id;
    const pkg = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: number },
      seller,
    );
    expect(pkg.status).toBe(201);
    expect(await pkgOf(pkg.body.id)).toMatchObject({ status: 'DELIVERED' });
    // Orders hears of the delivery from Fulfillment's call after the confirmation committed.
    await eventually(async () =>
      expect((await t.http.get(`/v1/orders/${orderId}`, seller)).body.status).toBe('FUND_PROCESSING'),
    );
  });

  it('tracking input is validated: bad type 400, only internal callers, limited callers see only their packages', async () => {
    const service = await t.serviceToken();
    const badType = await t.http.post(
      '/v1/tracking-events',
      {
        eventId: 'x',
        carrierCode: 'CAINIAO',
        trackingNumber: 'LP99999999999999',
        type: 'TELEPORTED',
        occurredAt: await now(),
      },
      service,
    );
    expect(badType.status).toBe(400);
    expect(badType.body.errors).toEqual([expect.objectContaining({ field: 'type' })]);
    const badTime = await t.http.post(
      '/v1/tracking-events',
      {
        eventId: 'x',
        carrierCode: 'CAINIAO',
        trackingNumber: 'LP99999999999999',
        type: 'PICKUP',
        occurredAt: '+020000-01-01T00:00:00Z',
      },
      service,
    );
    expect(badTime.status).toBe(400);
    expect(badTime.body.errors).toEqual([expect.objectContaining({ field: 'occurredAt' })]);
    expect((await t.http.post('/v1/tracking-events', {}, seller)).status).toBe(403);
    const { number } = await shipOne();
    const limited = await t.token({ kind: 'service', id: 'carrier-bridge', stores: ['store-z'] });
    const hidden = await t.http.post(
      '/v1/tracking-events',
      {
        eventId: 'y',
        carrierCode: 'CAINIAO',
        trackingNumber: number,
        type: 'PICKUP',
        occurredAt: await now(),
      },
      limited,
    );
    expect(hidden.status).toBe(404);
  });

  it('API-2: proofs and tasks of a store outside the grant are invisible and unchangeable', async () => {
    const { packageId } = await shipOne();
    const task = await uploadProof(t, packageId, seller, tinyPdf('scoped'));
    const outsider = await t.sellerToken(['store-z']);
    expect((await t.http.get(`/v1/review-tasks/${task.body.id}`, outsider)).status).toBe(404);
    expect((await t.http.get(`/v1/review-tasks/${task.body.id}/proof`, outsider)).status).toBe(404);
    expect((await t.http.get('/v1/review-tasks?kind=LOGISTICS_PROOF', outsider)).body.items).toEqual([]);
    expect((await uploadProof(t, packageId, outsider, tinyPdf('intruder'))).status).toBe(404);
    expect((await t.http.get(`/v1/review-tasks/${task.body.id}`, seller)).status).toBe(200);
    const storeZOperator = await t.token({ kind: 'operator', id: 'operator-z', stores: ['store-z'] });
    const decision = await t.http.post(
      `/v1/review-tasks/${task.body.id}/decision`,
      { decision: 'CONFIRM_FAKE_SHIPMENT', reason: 'not mine to judge' },
      storeZOperator,
    );
    expect(decision.status).toBe(404);
    expect((await t.http.get(`/v1/review-tasks/${task.body.id}`, operator)).body.status).toBe('OPEN');
  });
});
