import { withClient } from '../support/database';
import { cainiaoNumber } from '../support/fulfillment';
import { paidOrder } from '../support/orders';
import { settled } from '../support/settled';
import { startTestApp, TestApp } from '../support/test-app';

type Result = { index: number; outcome: string; problem?: { code: string } };

/** A spreadsheet import's preview: POST /v1/shipments/batch with dryRun. */
describe('FUL-1, FUL-2 shipment batch preview (dryRun)', () => {
  let t: TestApp;
  let service: string;
  let seller: string;

  beforeAll(async () => {
    t = await startTestApp();
    service = await t.serviceToken();
    seller = await t.sellerToken(['store-a']);
  });

  afterAll(() => t.close());

  const place = async (overrides: Record<string, unknown> = {}): Promise<string> =>
    (await t.http.post('/v1/orders', paidOrder(overrides), service)).body.id;
  const outcomes = (results: Result[]) => results.map((r) => [r.outcome, r.problem?.code]);
  /** Everything a confirmation writes: packages, events, audit records, timers. */
  const footprint = () =>
    withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query(`select (select count(*) from fulfillment.packages) as packages,
                              (select count(*) from platform.outbox) as outbox,
                              (select count(*) from platform.audit_log) as audit,
                              (select count(*) from platform.timers) as timers`)
        ).rows[0],
    );

  it('FUL-1, FUL-2: dryRun answers every item as confirming it would (the same refusals) and changes nothing', async () => {
    const [ok, other, cancelled, shippedElsewhere] = [
      await place({ buyerId: 'buyer-p1' }),
      await place({ buyerId: 'buyer-p2' }),
      await place({ buyerId: 'buyer-p3' }),
      await place({ buyerId: 'buyer-p4' }),
    ];
    await t.http.post(
      `/v1/orders/${cancelled}/cancel`,
      { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
      seller,
    );
    // A number already on another buyer's order (FUL-2), refused only by the insert's constraint.
    const used = cainiaoNumber();
    const first = await t.http.post(
      `/v1/orders/${shippedElsewhere}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: used },
      seller,
    );
    expect(first.status).toBe(201);
    const items = [
      { orderId: ok, carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
      { orderId: cancelled, carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
      {
        orderId: '01a2157a-c8bc-764f-b248-09937b0aaf66',
        carrierCode: 'CAINIAO',
        trackingNumber: cainiaoNumber(),
      },
      { orderId: other, carrierCode: 'CAINIAO', trackingNumber: used },
      { orderId: other, carrierCode: 'DHL', trackingNumber: 'abc' },
      { orderId: other, carrierCode: 'PIGEON', trackingNumber: cainiaoNumber() },
    ];
    // Other contexts' reactions to the cancel and the first shipment (and the timers they set) come first.
    await settled(t);
    const before = await footprint();
    const preview = await t.http.post('/v1/shipments/batch', { dryRun: true, items }, seller);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, shipped: 1, failed: 5 });
    expect(outcomes(preview.body.results)).toEqual([
      ['WOULD_SHIP', undefined],
      ['FAILED', 'ORDER_NOT_SHIPPABLE'],
      ['FAILED', 'ORDER_NOT_FOUND'],
      ['FAILED', 'TRACKING_NUMBER_REUSED'],
      ['FAILED', 'TRACKING_NUMBER_INVALID'],
      ['FAILED', 'UNKNOWN_CARRIER'],
    ]);
    // Nothing written: no package, event, audit record, timer, nor the risk flag a refused number raises.
    expect(await footprint()).toEqual(before);
    expect((await t.http.get(`/v1/orders/${ok}`, seller)).body.status).toBe('WAIT_SELLER_SEND_GOODS');

    // Applied, the same items come to the same answers.
    const applied = await t.http.post('/v1/shipments/batch', { items }, seller);
    expect(applied.body.dryRun).toBe(false);
    expect(outcomes(applied.body.results)).toEqual(
      outcomes(preview.body.results).map(([o, c]) => [o === 'WOULD_SHIP' ? 'SHIPPED' : o, c]),
    );
    expect((await t.http.get(`/v1/orders/${ok}`, seller)).body.status).toBe('WAIT_BUYER_ACCEPT_GOODS');
  });

  it('FUL-1: a preview of a confirmation already made answers as its retry would', async () => {
    const orderId = await place({ buyerId: 'buyer-p5' });
    const item = { orderId, carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() };
    expect((await t.http.post('/v1/shipments/batch', { items: [item] }, seller)).body.shipped).toBe(1);
    await settled(t);
    const before = await footprint();
    const again = await t.http.post('/v1/shipments/batch', { dryRun: true, items: [item] }, seller);
    expect(outcomes(again.body.results)).toEqual([['WOULD_SHIP', undefined]]);
    const otherLines = await t.http.post(
      '/v1/shipments/batch',
      { dryRun: true, items: [{ ...item, lines: [{ lineId: 'line-1', quantity: 1 }] }] },
      seller,
    );
    expect(outcomes(otherLines.body.results)).toEqual([['FAILED', 'TRACKING_NUMBER_CARRIES_OTHER_LINES']]);
    expect(await footprint()).toEqual(before);
  });

  it('FUL-1: dryRun must be a boolean (400 naming the field)', async () => {
    const response = await t.http.post(
      '/v1/shipments/batch',
      {
        dryRun: 'yes',
        items: [
          { orderId: '01a2157a-c8bc-764f-b248-09937b0aaf66', carrierCode: 'CAINIAO', trackingNumber: 'LP1' },
        ],
      },
      seller,
    );
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('dryRun');
  });
});
