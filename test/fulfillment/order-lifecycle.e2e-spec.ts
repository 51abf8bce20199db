import { cainiaoNumber, scan, tinyPdf, uploadProof } from '../support/fulfillment';
import { KafkaProbe } from '../support/kafka';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually } from '../support/eventually';

const HOUR = 3600;

describe('one order from payment to delivery, every event read back from Kafka', () => {
  let t: TestApp;
  let probe: KafkaProbe;

  beforeAll(async () => {
    t = await startTestApp();
    probe = new KafkaProbe();
    await probe.start([t.topic('orders'), t.topic('fulfillment')]);
  });

  afterAll(async () => {
    await probe.stop();
    await t.close();
  });

  const typesFor = (orderId: string): string[] =>
    probe.messages.filter((m) => m.key === orderId).map((m) => m.headers.ce_type);
  const waitType = (orderId: string, type: string, count = 1) =>
    probe.waitFor((m) => m.key === orderId && m.headers.ce_type === type, count);

  it('FUL-1..FUL-7: paid -> partly shipped -> shipped -> picked up -> stalled -> proof uploaded -> accepted -> delivered', async () => {
    const service = await t.serviceToken();
    const seller = await t.sellerToken(['store-a']);
    const operator = await t.operatorToken();
    const body = paidOrder({
      lines: [
        {
          lineId: 'L1',
          sku: 'CASE',
          title: 'Phone case',
          quantity: 1,
          unitPrice: { minor: '1250', currency: 'USD' },
        },
        {
          lineId: 'L2',
          sku: 'CABLE',
          title: 'Cable',
          quantity: 2,
          unitPrice: { minor: '500', currency: 'USD' },
        },
      ],
    });
    const orderId = (await t.http.post('/v1/orders', body, service)).body.id;
    await waitType(orderId, 'tradehub.orders.order-placed');

    // Partly shipped: the first package carries L1.
    await t.advance(HOUR);
    const first = cainiaoNumber();
    const p1 = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: first, lines: [{ lineId: 'L1', quantity: 1 }] },
      seller,
    );
    expect(p1.status).toBe(201);
    expect((await t.http.get(`/v1/orders/${orderId}`, seller)).body.status).toBe('SELLER_PART_SEND_GOODS');

    // Shipped: the second package carries the rest (lines omitted = everything left).
    const p2 = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'YANWEN', trackingNumber: 'ug123456789cn' },
      seller,
    );
    expect(p2.status).toBe(201);
    expect(p2.body).toMatchObject({
      trackingNumber: 'UG123456789CN',
      lines: [{ lineId: 'L2', quantity: 2 }],
      status: 'SHIPPED',
    });
    const shipped = (await t.http.get(`/v1/orders/${orderId}`, seller)).body;
    expect(shipped.status).toBe('WAIT_BUYER_ACCEPT_GOODS');
    expect(shipped.deadlines.lateShipment).toBe(false);

    // Picked up; the first package moves on and is delivered, the second goes silent.
    await t.advance(HOUR);
    await scan(t, {
      carrierCode: 'CAINIAO',
      trackingNumber: first,
      type: 'PICKUP',
      occurredAt: '2026-11-26T01:30:00.000Z',
    });
    await scan(t, {
      carrierCode: 'YANWEN',
      trackingNumber: 'UG123456789CN',
      type: 'PICKUP',
      occurredAt: '2026-11-26T01:30:00.000Z',
    });
    await scan(t, {
      carrierCode: 'CAINIAO',
      trackingNumber: first,
      type: 'IN_TRANSIT',
      occurredAt: '2026-11-26T02:00:00.000Z',
    });
    await scan(t, {
      carrierCode: 'CAINIAO',
      trackingNumber: first,
      type: 'DELIVERED',
      occurredAt: '2026-11-26T02:00:00.000Z',
    });

    // Stalled: 72 h without a scan puts the order in the abnormal-logistics pool with a review task.
    await t.advance(72 * HOUR);
    const [stalled] = await waitType(orderId, 'tradehub.fulfillment.logistics-stalled');
    expect(stalled.body.data).toMatchObject({
      packageId: p2.body.id,
      lastActivityAt: '2026-11-26T01:30:00.000Z',
    });
    await waitType(orderId, 'tradehub.fulfillment.review-task-opened');
    const pool = await t.http.get('/v1/review-tasks?kind=ABNORMAL_LOGISTICS', operator);
    const abnormal = pool.body.items.find((task: { orderId: string }) => task.orderId === orderId);
    expect(abnormal).toMatchObject({ status: 'OPEN', packageId: p2.body.id, slaDueAt: null });
    await eventually(async () =>
      expect(
        (await t.http.get(`/v1/orders?abnormal=true`, seller)).body.items.map((o: { id: string }) => o.id),
      ).toContain(orderId),
    );

    // Proof uploaded by the seller: it joins the queue with its 2-hour SLA.
    const proof = await uploadProof(t, p2.body.id, seller, tinyPdf());
    expect(proof.status).toBe(201);
    expect(proof.body).toMatchObject({
      kind: 'LOGISTICS_PROOF',
      status: 'OPEN',
      proof: { sizeBytes: tinyPdf().length, url: `/v1/review-tasks/${proof.body.id}/proof` },
    });
    const pdf = await fetch(`${t.http['baseUrl']}${proof.body.proof.url}`, {
      headers: { authorization: `Bearer ${seller}` },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await pdf.arrayBuffer())).toEqual(tinyPdf());

    // Accepted: the track is corrected; the operator closes the abnormal case too.
    const accepted = await t.http.post(
      `/v1/review-tasks/${proof.body.id}/decision`,
      { decision: 'ACCEPT', reason: 'Carrier pickup slip matches the waybill' },
      operator,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'ACCEPTED',
      decidedBy: 'test-operator',
      reason: 'Carrier pickup slip matches the waybill',
    });
    await waitType(orderId, 'tradehub.fulfillment.track-corrected');
    const closed = await t.http.post(
      `/v1/review-tasks/${abnormal.id}/decision`,
      { decision: 'CLOSE', reason: 'Track restored by the carrier' },
      operator,
    );
    expect(closed.body.status).toBe('CLOSED');

    // Delivered: the last package's delivery scan delivers the order (FUL-7) for Settlement.
    await scan(t, {
      carrierCode: 'YANWEN',
      trackingNumber: 'UG123456789CN',
      type: 'DELIVERED',
      occurredAt: '2026-11-29T01:00:00.000Z',
    });
    const [delivered] = await waitType(orderId, 'tradehub.fulfillment.order-delivered');
    expect(delivered.body.data).toEqual({
      orderId,
      storeId: 'store-a',
      deliveredAt: '2026-11-29T01:00:00.000Z',
    });
    const final = (await t.http.get(`/v1/orders/${orderId}`, seller)).body;
    expect(final).toMatchObject({ status: 'FUND_PROCESSING', deliveredAt: '2026-11-29T01:00:00.000Z' });
    await eventually(async () =>
      expect((await t.http.get(`/v1/orders/${orderId}`, seller)).body).toMatchObject({
        inAbnormalPool: false,
        underReview: false,
      }),
    );

    const statuses = probe.messages
      .filter((m) => m.key === orderId && m.headers.ce_type === 'tradehub.orders.order-status-changed')
      .map((m) => m.body.data.to);
    expect(statuses).toEqual(['SELLER_PART_SEND_GOODS', 'WAIT_BUYER_ACCEPT_GOODS', 'FUND_PROCESSING']);
    expect(new Set(typesFor(orderId))).toEqual(
      new Set([
        'tradehub.orders.order-placed',
        'tradehub.orders.order-status-changed',
        'tradehub.orders.shipment-recorded',
        'tradehub.fulfillment.package-shipped',
        'tradehub.fulfillment.logistics-status-changed',
        'tradehub.fulfillment.package-delivered',
        'tradehub.fulfillment.no-first-scan',
        'tradehub.fulfillment.logistics-stalled',
        'tradehub.fulfillment.risk-flag-raised',
        'tradehub.fulfillment.review-task-opened',
        'tradehub.fulfillment.review-task-decided',
        'tradehub.fulfillment.track-corrected',
        'tradehub.fulfillment.order-delivered',
      ]),
    );
  });
});
