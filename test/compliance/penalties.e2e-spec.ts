import { Producer } from 'kafkajs';
import { ComplianceEvents } from '@tradehub/compliance/contract';
import { FulfillmentEvents } from '@tradehub/fulfillment/contract';
import { OrderEvents } from '@tradehub/orders/contract';
import { auditedEvents } from '../support/audit';
import { withClient } from '../support/database';
import { eventually } from '../support/eventually';
import { cainiaoNumber, tinyPdf, uploadProof } from '../support/fulfillment';
import { KafkaProbe, producer, type ReceivedMessage } from '../support/kafka';
import { paidOrder } from '../support/orders';
import { expectFieldProblem, PROBLEM } from '../support/problems';
import { deliveredOrder } from '../support/settlement';
import { startTestApp, type TestApp } from '../support/test-app';

const SELLER = 'seller-cmp4';
const STORES = ['store-p1', 'store-p2'];
const owner = (storeId: string) => ({ sellerId: SELLER, mainAccountId: 'acct-cmp4', storeId });

/**
 * CMP-4 across contexts (real PostgreSQL and Kafka): Fulfillment's confirmed fake shipments become
 * penalty cases in Compliance; the second closes the seller account, which Orders (no new orders),
 * Fulfillment (no shipment) and Settlement (held reviews) enforce, while refunds of past orders go
 * on; an operator's appeal reversal reopens it. One seller walks through the suite in order.
 */
describe('CMP-4: fake-shipment penalties and seller account closure', () => {
  let t: TestApp;
  let probe: KafkaProbe;
  let kafka: Producer;
  let service: string;
  let operator: string;
  let seller: string;
  const cases: { orderId: string; packageId: string; taskId: string; storeId: string }[] = [];
  let unshipped: string;
  let delivered: string;

  beforeAll(async () => {
    t = await startTestApp();
    probe = new KafkaProbe();
    await probe.start([t.topic('orders'), t.topic('fulfillment'), t.topic('compliance')]);
    kafka = await producer();
    service = await t.serviceToken();
    operator = await t.operatorToken();
    seller = await t.sellerToken(STORES);
  });

  afterAll(async () => {
    await kafka.disconnect();
    await probe.stop();
    await t.close();
  });

  const place = (body: Record<string, unknown>) => t.http.post('/v1/orders', body, service);
  const ship = (orderId: string, token = seller) =>
    t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
      token,
    );
  const penalties = async (storeId: string, token = seller) => {
    const res = await t.http.get(`/v1/compliance/penalties?storeId=${storeId}`, token);
    expect(res.status).toBe(200);
    return res.body.items[0];
  };
  const appeal = (
    caseId: string,
    body: Record<string, unknown>,
    token = operator,
    headers?: Record<string, string>,
  ) => t.http.post(`/v1/compliance/penalties/cases/${caseId}/appeal`, body, token, headers);
  const ofType = (type: string, match: (m: ReceivedMessage) => boolean = () => true) =>
    probe.ofType(type).filter(match);
  const outboxCount = (type: string, field: string, value: string) =>
    withClient(t.databaseUrl, async (c) =>
      Number(
        (
          await c.query(`select count(*) from platform.outbox where type = $1 and payload->>$2 = $3`, [
            type,
            field,
            value,
          ])
        ).rows[0].count,
      ),
    );

  /** FUL-6 through Fulfillment's own flow: a shipped package's pickup proof is judged forged. */
  async function confirmFakeShipment(storeId: string) {
    const placed = await place(paidOrder(owner(storeId)));
    expect(placed.status).toBe(201);
    const shipped = await ship(placed.body.id);
    expect(shipped.status).toBe(201);
    const task = await uploadProof(t, shipped.body.id, seller, tinyPdf(`forged ${placed.body.id}`));
    expect(task.status).toBe(201);
    const decided = await t.http.post(
      `/v1/review-tasks/${task.body.id}/decision`,
      { decision: 'CONFIRM_FAKE_SHIPMENT', reason: 'waybill logo forged' },
      operator,
    );
    expect(decided.body.status).toBe('FAKE_SHIPMENT_CONFIRMED');
    const confirmed = { orderId: placed.body.id, packageId: shipped.body.id, taskId: task.body.id, storeId };
    cases.push(confirmed);
    return confirmed;
  }

  it('CMP-4: the first confirmed fake-shipment case costs 6 points and leaves the account open', async () => {
    // Orders of the seller taken before any case: one waits for shipment, one is delivered (SET-1).
    const pending = await place(paidOrder(owner('store-p1')));
    expect(pending.status).toBe(201);
    unshipped = pending.body.id;
    delivered = (await deliveredOrder(t, '2026-11-26T06:00:00.000Z', owner('store-p2'))).orderId;

    const first = await confirmFakeShipment('store-p1');
    // The seller's stores come from the store directory, which hears of orders on its own consumer.
    await eventually(async () => {
      const seen = await penalties('store-p1');
      expect({ cases: seen.countedCases, stores: seen.storeIds }).toEqual({ cases: 1, stores: STORES });
    }, 30_000);
    const account = await penalties('store-p1');
    expect(account).toMatchObject({
      sellerId: SELLER,
      storeIds: STORES,
      points: 6,
      countedCases: 1,
      casesToClose: 2,
      closed: false,
      closedAt: null,
    });
    expect(account.cases).toEqual([
      expect.objectContaining({
        caseId: expect.any(String),
        storeId: 'store-p1',
        orderId: first.orderId,
        packageId: first.packageId,
        taskId: first.taskId,
        points: 6,
        reason: 'waybill logo forged',
        confirmedBy: 'test-operator',
        counted: true,
        reversedAt: null,
        appeals: [],
      }),
    ]);
    const [recorded] = await probe.waitFor(
      (m) => m.headers.ce_type === ComplianceEvents.PenaltyCaseRecorded && m.key === SELLER,
    );
    expect(recorded.headers.ce_subject).toBe(`seller/${SELLER}`);
    expect(recorded.body.data).toMatchObject({
      caseId: account.cases[0].caseId,
      sellerId: SELLER,
      storeId: 'store-p1',
      orderId: first.orderId,
      reference: first.taskId,
      points: 6,
      totalPoints: 6,
      countedCases: 1,
    });
  });

  it("CMP-4: the second confirmed case closes the account; the event names the seller's stores", async () => {
    await confirmFakeShipment('store-p2');
    await eventually(async () => expect((await penalties('store-p2')).closed).toBe(true), 30_000);
    expect(await penalties('store-p2')).toMatchObject({
      points: 12,
      countedCases: 2,
      closedAt: expect.any(String),
    });
    const [closed] = await probe.waitFor(
      (m) => m.headers.ce_type === ComplianceEvents.SellerAccountStatusChanged && m.key === SELLER,
    );
    expect(closed.body.data).toMatchObject({ sellerId: SELLER, closed: true, storeIds: STORES });
    // CMP-3: a closed account passes no campaign gate, and the campaigns team hears it per store.
    const gate = await t.http.get('/v1/compliance/campaign-eligibility/store-p1', await t.serviceToken());
    expect(gate.body).toMatchObject({ eligible: false, reasons: [{ code: 'ACCOUNT_CLOSED' }] });
    await probe.waitFor(
      (m) =>
        m.headers.ce_type === ComplianceEvents.CampaignEligibilityChanged &&
        m.key === 'store-p2' &&
        m.body.data.reasons.some((r: { code: string }) => r.code === 'ACCOUNT_CLOSED'),
    );
  });

  it('API-2: a caller sees the account of its stores, and only the cases of stores it may see', async () => {
    const onlyP1 = await penalties('store-p1', await t.sellerToken(['store-p1']));
    expect(onlyP1).toMatchObject({ storeIds: ['store-p1'], points: 12, countedCases: 2, closed: true });
    expect(onlyP1.cases.map((c: { storeId: string }) => c.storeId)).toEqual(['store-p1']);
    const stranger = await t.http.get(
      '/v1/compliance/penalties?storeId=store-p1',
      await t.sellerToken(['store-z']),
    );
    expect(stranger.body).toEqual({ items: [], nextCursor: null });
    const all = await t.http.get('/v1/compliance/penalties', seller);
    expect(all.body.items.map((a: { sellerId: string }) => a.sellerId)).toEqual([SELLER]);
    expectFieldProblem(await t.http.get('/v1/compliance/penalties?storeId=bad%20id', seller), 'storeId');
    expectFieldProblem(await t.http.get('/v1/compliance/penalties?cursor=nope', seller), 'cursor');
  });

  it('CMP-4: operators list only the sellers with a fake-shipment case when they ask', async () => {
    const clean = await place(
      paidOrder({ sellerId: 'seller-clean', mainAccountId: 'acct-clean', storeId: 'store-clean' }),
    );
    expect(clean.status).toBe(201);
    const operator = await t.operatorToken();
    const sellers = async (query: string) =>
      (await t.http.get(`/v1/compliance/penalties${query}`, operator)).body.items.map(
        (a: { sellerId: string }) => a.sellerId,
      );
    // Compliance learns of the clean seller's store from the order's event.
    await eventually(async () =>
      expect(await sellers('')).toEqual(expect.arrayContaining(['seller-clean', SELLER])),
    );
    expect(await sellers('?withCases=true')).toEqual([SELLER]);
    expect(await sellers('?withCases=false')).toEqual(expect.arrayContaining(['seller-clean', SELLER]));
    expectFieldProblem(await t.http.get('/v1/compliance/penalties?withCases=yes', operator), 'withCases');
  });

  it("CMP-4: a closed seller's new order is refused (SELLER_ACCOUNT_CLOSED) and checkout hears order-refused once", async () => {
    const body = paidOrder(owner('store-p1'));
    await eventually(async () => expect((await place(body)).status).toBe(422), 30_000);
    const refused = await place(body);
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain(PROBLEM);
    expect(refused.body).toMatchObject({
      code: 'SELLER_ACCOUNT_CLOSED',
      errors: [{ field: 'sellerId', message: expect.stringContaining(SELLER) }],
    });
    // API-3: a retry under an Idempotency-Key is refused alike (a refusal changed nothing to replay).
    const keyed = await t.http.post('/v1/orders', body, service, {
      'idempotency-key': `k-${body.marketplaceOrderId}`,
    });
    expect(keyed.body.code).toBe('SELLER_ACCOUNT_CLOSED');
    const [event] = await probe.waitFor(
      (m) =>
        m.headers.ce_type === OrderEvents.OrderRefused &&
        m.body.data.marketplaceOrderId === body.marketplaceOrderId,
    );
    expect(event.key).toBe(body.marketplaceOrderId);
    expect(event.body.data).toMatchObject({
      sellerId: SELLER,
      storeId: 'store-p1',
      buyerId: body.buyerId,
      code: 'SELLER_ACCOUNT_CLOSED',
    });
    expect(await outboxCount(OrderEvents.OrderRefused, 'marketplaceOrderId', body.marketplaceOrderId)).toBe(
      1,
    );
    const listed = await t.http.get('/v1/orders?limit=200', service);
    expect(listed.body.items.map((o: { marketplaceOrderId: string }) => o.marketplaceOrderId)).not.toContain(
      body.marketplaceOrderId,
    );
  });

  it("CMP-4: checkout's paid-order event for a closed seller is refused and produces order-refused once, even delivered twice", async () => {
    const body = paidOrder(owner('store-p2'));
    const message = { key: body.marketplaceOrderId, value: JSON.stringify(body) };
    await kafka.send({ topic: `${t.namespace}.checkout.order-paid.v1`, messages: [message, message] });
    await probe.waitFor(
      (m) =>
        m.headers.ce_type === OrderEvents.OrderRefused &&
        m.body.data.marketplaceOrderId === body.marketplaceOrderId,
    );
    // Both deliveries were handled (a later good order behind them on the partition entered).
    const behind = paidOrder({ storeId: 'store-other', sellerId: 'seller-other' });
    await kafka.send({
      topic: `${t.namespace}.checkout.order-paid.v1`,
      messages: [{ key: body.marketplaceOrderId, value: JSON.stringify(behind) }],
    });
    await eventually(async () => {
      const listed = await t.http.get('/v1/orders?limit=200', service);
      expect(listed.body.items.map((o: { marketplaceOrderId: string }) => o.marketplaceOrderId)).toContain(
        behind.marketplaceOrderId,
      );
    }, 20_000);
    expect(await outboxCount(OrderEvents.OrderRefused, 'marketplaceOrderId', body.marketplaceOrderId)).toBe(
      1,
    );
  });

  it("CMP-4: shipment confirmation of an unshipped order of the closed seller is refused; another seller's ships", async () => {
    await eventually(async () => expect((await ship(unshipped)).status).toBe(422), 30_000);
    const refused = await ship(unshipped);
    expect(refused.headers.get('content-type')).toContain(PROBLEM);
    expect(refused.body).toMatchObject({ code: 'SELLER_ACCOUNT_CLOSED', errors: [{ field: 'orderId' }] });
    expect((await t.http.get(`/v1/orders/${unshipped}`, seller)).body.status).toBe('WAIT_SELLER_SEND_GOODS');
    // CMP-4 comes before FUL-2: a bad or reused number of a closed seller is refused as the account's,
    // and raises no INVALID_TRACKING_NUMBER; a preview answers the same.
    const reused: string = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query(`select tracking_number from fulfillment.packages where id = $1`, [
            cases[0]!.packageId,
          ])
        ).rows[0].tracking_number,
    );
    for (const trackingNumber of ['abc', reused]) {
      const item = { carrierCode: 'CAINIAO', trackingNumber };
      const bad = await t.http.post(`/v1/orders/${unshipped}/shipments`, item, seller);
      expect({ trackingNumber, body: bad.body }).toMatchObject({
        trackingNumber,
        body: { code: 'SELLER_ACCOUNT_CLOSED' },
      });
      const preview = await t.http.post(
        '/v1/shipments/batch',
        { dryRun: true, items: [{ orderId: unshipped, ...item }] },
        seller,
      );
      expect(preview.body.results[0].problem.code).toBe('SELLER_ACCOUNT_CLOSED');
    }
    expect(await outboxCount(FulfillmentEvents.RiskFlagRaised, 'orderId', unshipped)).toBe(0);
    const other = await place(paidOrder({ storeId: 'store-other', sellerId: 'seller-other' }));
    expect((await ship(other.body.id, await t.sellerToken(['store-other']))).status).toBe(201);
  });

  it('CMP-4, SET-5: refunds of past orders go on for a closed seller; Settlement knows the account is closed', async () => {
    await eventually(async () => {
      const rows = await withClient(t.databaseUrl, (c) =>
        c.query(`select closed from settlement.seller_accounts where seller_id = $1`, [SELLER]),
      );
      expect(rows.rows).toEqual([{ closed: true }]);
    }, 30_000);
    const refund = await t.http.post(
      '/v1/settlement/refunds',
      { refundId: 'rf-cmp4-1', orderId: delivered, amount: { minor: '500', currency: 'USD' } },
      service,
    );
    expect(refund.status).toBe(200);
    expect(refund.body).toMatchObject({ orderId: delivered, takenFrom: 'FROZEN' });
  });

  it('CMP-4: a redelivered fake-shipment event, or another event for the same task, counts once', async () => {
    const [original] = await probe.waitFor(
      (m) => m.headers.ce_type === FulfillmentEvents.FakeShipmentConfirmed && m.key === cases[0].orderId,
    );
    const again = { ...original.headers, ce_id: `${original.headers.ce_id}-again` };
    const value = JSON.stringify(original.body);
    await kafka.send({
      topic: t.topic('fulfillment'),
      messages: [
        { key: original.key, value, headers: original.headers },
        { key: original.key, value, headers: again },
      ],
    });
    await eventually(async () => {
      const seen = await withClient(t.databaseUrl, (c) =>
        c.query(`select 1 from platform.inbox where consumer = 'compliance.penalties' and event_id = $1`, [
          again.ce_id,
        ]),
      );
      expect(seen.rowCount).toBe(1);
    }, 20_000);
    expect(await penalties('store-p1')).toMatchObject({ points: 12, countedCases: 2 });
    expect((await penalties('store-p1')).cases).toHaveLength(2);
    expect(await outboxCount(ComplianceEvents.PenaltyCaseRecorded, 'sellerId', SELLER)).toBe(2);
  });

  it("CMP-4: an operator's appeal reversal reopens the account; orders and shipments are taken again", async () => {
    const account = await penalties('store-p1');
    const [first, second] = account.cases;
    // Bad input is a 4xx naming the field; sellers do not decide appeals.
    expectFieldProblem(await appeal(first.caseId, { outcome: 'MAYBE', reason: 'x' }), 'outcome');
    expectFieldProblem(await appeal(first.caseId, { outcome: 'REVERSED' }), 'reason');
    expectFieldProblem(await appeal('not-a-uuid', { outcome: 'REVERSED', reason: 'x' }), 'caseId');
    const unknown = await appeal('019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b', {
      outcome: 'REVERSED',
      reason: 'x',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('PENALTY_CASE_NOT_FOUND');
    expect((await appeal(first.caseId, { outcome: 'REVERSED', reason: 'x' }, seller)).status).toBe(403);

    const upheld = await appeal(second.caseId, { outcome: 'UPHELD', reason: 'the track was forged' });
    expect(upheld.status).toBe(200);
    expect(upheld.body).toMatchObject({ points: 12, countedCases: 2, closed: true });

    const decision = { outcome: 'REVERSED', reason: 'the carrier found the pickup scan' };
    const reversed = await appeal(first.caseId, decision, operator, {
      'idempotency-key': `rev-${first.caseId}`,
    });
    expect(reversed.status).toBe(200);
    expect(reversed.body).toMatchObject({ points: 6, countedCases: 1, closed: false, closedAt: null });
    expect(reversed.body.cases.find((c: { caseId: string }) => c.caseId === first.caseId)).toMatchObject({
      counted: false,
      reversedBy: 'test-operator',
      reversalReason: 'the carrier found the pickup scan',
      appeals: [{ outcome: 'REVERSED', decidedBy: 'test-operator' }],
    });
    // API-3: the same request under its key replays the first answer; without it, a second reversal is refused.
    const replayed = await appeal(first.caseId, decision, operator, {
      'idempotency-key': `rev-${first.caseId}`,
    });
    expect(replayed.body).toEqual(reversed.body);
    const twice = await appeal(first.caseId, decision);
    expect(twice.status).toBe(409);
    expect(twice.headers.get('content-type')).toContain(PROBLEM);
    expect(twice.body).toMatchObject({
      code: 'PENALTY_CASE_ALREADY_REVERSED',
      errors: [{ field: 'caseId' }],
    });

    await probe.waitFor(
      (m) =>
        m.headers.ce_type === ComplianceEvents.PenaltyCaseReversed && m.body.data.caseId === first.caseId,
    );
    await probe.waitFor(
      (m) =>
        m.headers.ce_type === ComplianceEvents.SellerAccountStatusChanged && m.body.data.closed === false,
    );
    await eventually(
      async () => expect((await place(paidOrder(owner('store-p1')))).status).toBe(201),
      30_000,
    );
    await eventually(async () => expect((await ship(unshipped)).status).toBe(201), 30_000);
    await eventually(async () => {
      const rows = await withClient(t.databaseUrl, (c) =>
        c.query(`select closed from settlement.seller_accounts where seller_id = $1`, [SELLER]),
      );
      expect(rows.rows).toEqual([{ closed: false }]);
    }, 30_000);
    const gate = await t.http.get('/v1/compliance/campaign-eligibility/store-p1', await t.serviceToken());
    expect(gate.body).toMatchObject({ eligible: true, reasons: [] });
    expect(ofType(ComplianceEvents.PenaltyCaseReversed)).toHaveLength(1);
  });

  it('CMP-6: every penalty change, and every context that enforced it, left its audit record', async () => {
    for (const context of ['compliance', 'orders']) {
      const { unaudited, raised } = await auditedEvents(t, context);
      expect({ context, unaudited }).toEqual({ context, unaudited: [] });
      if (context === 'compliance')
        expect(raised).toEqual(
          expect.arrayContaining([
            ComplianceEvents.PenaltyCaseRecorded,
            ComplianceEvents.PenaltyCaseReversed,
            ComplianceEvents.SellerAccountStatusChanged,
          ]),
        );
    }
    const rows = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query<{ action: string; actor: string }>(
            `select action, actor from platform.audit_log
              where (subject_type = 'seller-account' and subject_id = $1) or action = 'order.refused' order by seq`,
            [SELLER],
          )
        ).rows,
    );
    const actions = rows.map((r) => `${r.action} by ${r.actor}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'seller-account.penalty-case-recorded by consumer:compliance.penalties',
        'seller-account.closed by consumer:compliance.penalties',
        'seller-account.appeal-upheld by test-operator',
        'seller-account.reopened by test-operator',
        'orders.seller-account-closed by consumer:orders.seller-account-status',
        'orders.seller-account-reopened by consumer:orders.seller-account-status',
        'fulfillment.seller-account-closed by consumer:fulfillment.seller-account-status',
        'fulfillment.seller-account-reopened by consumer:fulfillment.seller-account-status',
        'order.refused by test-service',
        'order.refused by consumer:orders.checkout-order-paid',
      ]),
    );
    const settlement = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query<{ action: string }>(
            `select action from platform.audit_log where actor = 'consumer:settlement.seller-account-status' order by seq`,
          )
        ).rows,
    );
    expect(settlement.map((r) => r.action)).toEqual([
      'settlement.seller-account-closed',
      'settlement.seller-account-reopened',
    ]);
  });
});
