import type { Producer } from 'kafkajs';
import { DisputeEvents } from '@tradehub/disputes/contract';
import { OrderEvents } from '@tradehub/orders/contract';
import { SettlementEvents } from '@tradehub/settlement/contract';
import { eventually } from '../support/eventually';
import { KafkaProbe, producer } from '../support/kafka';
import { openRequest, shippedOrder, tinyPng, uploadEvidence } from '../support/disputes';
import { advanceTo, balances, deliveredOrder } from '../support/settlement';
import { startTestApp, type TestApp } from '../support/test-app';

describe('Disputes: a return from request to refund, end to end through Kafka', () => {
  let t: TestApp;
  let probe: KafkaProbe;
  let buyers: Producer;

  beforeAll(async () => {
    t = await startTestApp();
    probe = new KafkaProbe();
    await probe.start([t.topic('disputes'), t.topic('settlement'), t.topic('orders')]);
    buyers = await producer();
  });

  afterAll(async () => {
    await buyers.disconnect();
    await probe.stop();
    await t.close();
  });

  const send = (topic: string, key: string, body: Record<string, unknown>) =>
    buyers.send({ topic, messages: [{ key, value: JSON.stringify(body) }] });
  const requestOf = async (orderId: string) =>
    (await t.http.get(`/v1/disputes/requests?orderId=${orderId}`, await t.operatorToken())).body.items[0];

  it('DSP-3, SET-5: delivered -> return requested -> shipped back -> delivered to the seller -> 48 hours pass -> the refund executes -> the ledger shows it; every event read back from Kafka', async () => {
    const store = 'store-dsp-return';
    const { orderId } = await deliveredOrder(t, '2026-12-01T10:00:00.000Z', { storeId: store });
    const buyersTopic = `${t.namespace}.buyers.disputes.v1`;
    await send(buyersTopic, 'rr-return-1', {
      type: 'refund-requested',
      requestId: 'rr-return-1',
      orderId,
      kind: 'RETURN_AND_REFUND',
      amount: { minor: '2800', currency: 'USD' },
      reason: 'wrong colour',
    });
    await eventually(
      async () => expect(await requestOf(orderId)).toMatchObject({ status: 'AWAITING_SELLER' }),
      20_000,
    );
    const { id } = await requestOf(orderId);

    const accepted = await t.http.post(
      `/v1/disputes/requests/${id}/answer`,
      { answer: 'ACCEPT' },
      await t.sellerToken([store]),
    );
    expect(accepted.body).toMatchObject({
      status: 'AWAITING_RETURN',
      buyerDueAt: '2026-12-07T00:00:00.000Z',
    });

    await send(buyersTopic, 'rr-return-1', {
      type: 'return-shipped',
      requestId: 'rr-return-1',
      carrierCode: 'CAINIAO',
      trackingNumber: 'LPRETURN00000001',
    });
    await eventually(
      async () => expect(await requestOf(orderId)).toMatchObject({ status: 'RETURN_IN_TRANSIT' }),
      20_000,
    );

    await advanceTo(t, '2026-12-02T08:00:00.000Z');
    await send(`${t.namespace}.logistics.return-tracking.v1`, 'LPRETURN00000001', {
      eventId: 'ret-evt-1',
      carrierCode: 'CAINIAO',
      trackingNumber: 'LPRETURN00000001',
      type: 'DELIVERED',
      occurredAt: '2026-12-02T08:00:00.000Z',
    });
    await eventually(
      async () =>
        expect(await requestOf(orderId)).toMatchObject({
          status: 'INSPECTING',
          inspectionDueAt: '2026-12-04T08:00:00.000Z',
        }),
      20_000,
    );
    await eventually(async () =>
      expect((await t.http.get(`/v1/orders/${orderId}`, await t.operatorToken())).body.status).toBe(
        'WAIT_SELLER_EXAMINE_MONEY',
      ),
    );

    // 48 elapsed hours, not calendar days: one second before, the seller may still act.
    await advanceTo(t, '2026-12-04T07:59:59.000Z');
    expect(await requestOf(orderId)).toMatchObject({
      status: 'INSPECTING',
      openFlags: ['RETURN_INSPECTION_DUE'],
    });
    expect(await balances(t, store)).toMatchObject({ frozen: '2800' });
    await advanceTo(t, '2026-12-04T08:00:01.000Z');
    expect(await requestOf(orderId)).toMatchObject({
      status: 'CLOSED',
      outcome: 'REFUNDED',
      refund: { basis: 'INSPECTION_LAPSED', amountMinor: '2800', takenFrom: 'FROZEN' },
    });
    expect(await balances(t, store)).toMatchObject({ frozen: '0', available: '0' });
    const entries = await t.http.get(`/v1/settlement/entries?storeId=${store}`, await t.sellerToken([store]));
    expect(entries.body.items.map((e: any) => e.kind)).toEqual(['REFUND', 'FREEZE']);
    await eventually(async () =>
      expect((await t.http.get(`/v1/orders/${orderId}`, await t.operatorToken())).body).toMatchObject({
        status: 'FUND_PROCESSING',
        issueStatus: 'CLOSED',
      }),
    );

    const disputes = await probe.waitFor(
      (m) =>
        m.key === orderId &&
        m.headers.ce_type === DisputeEvents.IssueStatusChanged &&
        m.body.data.to === 'CLOSED',
    );
    expect(disputes).toHaveLength(1);
    const ofOrder = probe.messages.filter((m) => m.key === orderId && m.topic === t.topic('disputes'));
    expect(ofOrder.map((m) => m.headers.ce_type.replace('tradehub.disputes.', ''))).toEqual([
      'refund-requested',
      'issue-status-changed',
      'seller-answered',
      'return-shipped',
      'return-delivered',
      'issue-status-changed',
      'risk-flag-raised',
      'risk-flag-cleared',
      'refund-agreed',
      'issue-status-changed',
      'refund-executed',
      'request-closed',
      'issue-status-changed',
    ]);
    expect(
      ofOrder
        .filter((m) => m.headers.ce_type === DisputeEvents.IssueStatusChanged)
        .map((m) => [m.body.data.to, m.body.data.sellerExaminesAmount]),
    ).toEqual([
      ['OPEN', false],
      ['OPEN', true],
      ['OPEN', false],
      ['CLOSED', false],
    ]);
    const refund = await probe.waitFor(
      (m) => m.key === orderId && m.headers.ce_type === SettlementEvents.RefundPosted,
    );
    expect(refund[0].body.data).toMatchObject({
      refundId: id,
      amount: { minor: '2800' },
      takenFrom: 'FROZEN',
    });
    const statuses = await probe.waitFor(
      (m) =>
        m.key === orderId &&
        m.headers.ce_type === OrderEvents.OrderStatusChanged &&
        m.body.data.from !== 'WAIT_SELLER_SEND_GOODS',
      5,
    );
    // The glossary's WAIT_SELLER_EXAMINE_MONEY while the seller inspects the returned parcel (DSP-3).
    expect(statuses.map((m) => m.body.data.to)).toEqual([
      'FUND_PROCESSING',
      'IN_ISSUE',
      'WAIT_SELLER_EXAMINE_MONEY',
      'IN_ISSUE',
      'FUND_PROCESSING',
    ]);
  });
  it("DSP-4: the buyer's answers from the buyers' topic: a declined offer and an escalated refusal go to arbitration", async () => {
    const store = 'store-dsp-topic';
    const buyersTopic = `${t.namespace}.buyers.disputes.v1`;
    const seller = await t.sellerToken([store]);
    const photo = await uploadEvidence(t, seller, tinyPng(), 'p.png');
    const opened = async (marketplaceId: string) => {
      const { orderId } = await shippedOrder(t, { storeId: store });
      await send(buyersTopic, marketplaceId, {
        type: 'refund-requested',
        requestId: marketplaceId,
        orderId,
        kind: 'REFUND_ONLY',
        amount: { minor: '1000', currency: 'USD' },
        reason: 'not as described',
      });
      await eventually(async () => expect(await requestOf(orderId)).toBeDefined(), 20_000);
      return (await requestOf(orderId)).id as string;
    };
    const offered = await opened('rr-topic-offer');
    await t.http.post(
      `/v1/disputes/requests/${offered}/answer`,
      {
        answer: 'PARTIAL',
        amount: { minor: '400', currency: 'USD' },
        reason: 'minor scratch',
        evidence: [photo.body.sha256],
      },
      seller,
    );
    await send(buyersTopic, 'rr-topic-offer', {
      type: 'offer-answered',
      requestId: 'rr-topic-offer',
      answer: 'DECLINE',
    });
    const refused = await opened('rr-topic-refuse');
    await t.http.post(
      `/v1/disputes/requests/${refused}/answer`,
      { answer: 'REFUSE', reason: 'DELIVERED_AS_TRACKED', evidence: [photo.body.sha256] },
      seller,
    );
    await send(buyersTopic, 'rr-topic-refuse', {
      type: 'escalated',
      requestId: 'rr-topic-refuse',
      reason: 'never arrived',
    });
    for (const id of [offered, refused])
      await eventually(async () => {
        const r = await t.http.get(`/v1/disputes/requests/${id}`, await t.operatorToken());
        expect(r.body).toMatchObject({ status: 'ESCALATED', escalation: { by: 'BUYER' } });
      }, 20_000);
  });
  it('DSP-3: a DELIVERED scan that comes before the buyer\'s "shipped" message waits for it, carrier codes match in any case, and a return number belongs to one request', async () => {
    const store = 'store-dsp-early-scan';
    const seller = await t.sellerToken([store]);
    const service = await t.serviceToken();
    const returnOf = async (deliveredAt: string) => {
      const { orderId } = await deliveredOrder(t, deliveredAt, { storeId: store });
      const opened = await openRequest(t, orderId, {
        kind: 'RETURN_AND_REFUND',
        amount: { minor: '2800', currency: 'USD' },
      });
      await t.http.post(`/v1/disputes/requests/${opened.id}/answer`, { answer: 'ACCEPT' }, seller);
      return opened.id as string;
    };
    const first = await returnOf('2026-12-10T00:00:00.000Z');
    const scanned = await t.http.post(
      '/v1/disputes/return-tracking-events',
      {
        eventId: 'early-1',
        carrierCode: 'CAINIAO',
        trackingNumber: 'LPEARLY0000001',
        type: 'DELIVERED',
        occurredAt: '2026-12-10T00:00:00.000Z',
      },
      service,
    );
    expect(scanned.body).toEqual({ applied: 0, requestIds: [] });
    const shipped = await t.http.post(
      `/v1/disputes/requests/${first}/return-shipment`,
      { carrierCode: 'cainiao', trackingNumber: 'lpearly0000001' },
      service,
    );
    expect(shipped.body).toMatchObject({
      status: 'INSPECTING',
      returnParcel: { carrierCode: 'CAINIAO', trackingNumber: 'LPEARLY0000001' },
      inspectionDueAt: '2026-12-12T00:00:00.000Z',
    });

    const second = await returnOf('2026-12-10T00:00:00.000Z');
    const reused = await t.http.post(
      `/v1/disputes/requests/${second}/return-shipment`,
      { carrierCode: 'CAINIAO', trackingNumber: 'LPEARLY0000001' },
      service,
    );
    expect({ status: reused.status, code: reused.body.code }).toEqual({
      status: 409,
      code: 'RETURN_TRACKING_REUSED',
    });
    expect((await t.http.get(`/v1/disputes/requests/${second}`, service)).body.status).toBe(
      'AWAITING_RETURN',
    );
  });
});
