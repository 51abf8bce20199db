import { ReviewEvents } from '@tradehub/reviews/contract';
import { auditedEvents } from '../support/audit';
import { shippedOrder } from '../support/disputes';
import { eventually } from '../support/eventually';
import { KafkaProbe, producer } from '../support/kafka';
import { paidOrder } from '../support/orders';
import { expectFieldProblem } from '../support/problems';
import { advanceTo, deliveredOrder } from '../support/settlement';
import { startTestApp, type TestApp } from '../support/test-app';

describe('Reviews: reviews, replies, DSR and positive rate (real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  let probe: KafkaProbe;

  beforeAll(async () => {
    t = await startTestApp();
    probe = new KafkaProbe();
    await probe.start([t.topic('reviews')]);
  });

  afterAll(async () => {
    await probe.stop();
    await t.close();
  });

  let serial = 0;
  const review = (orderId: string, overrides: Record<string, unknown> = {}) => {
    serial += 1;
    return {
      reviewId: `rv-${serial}-${Date.now().toString(36)}`,
      orderId,
      overall: 5,
      dsr: { itemAsDescribed: 5, communication: 4, shippingSpeed: 4 },
      text: 'Great case',
      ...overrides,
    };
  };
  const post = async (body: Record<string, unknown>) =>
    t.http.post('/v1/reviews', body, await t.serviceToken());
  const ratings = async (query: string, token?: string) =>
    (await t.http.get(`/v1/reviews/ratings?${query}`, token ?? (await t.operatorToken()))).body;

  it('REV-1: one review per delivered order, ratings 1-5, the text as written; a repeat is the same review; bad input is refused with the field and changes nothing', async () => {
    const store = 'store-rev-one';
    const { orderId } = await deliveredOrder(t, '2026-11-27T00:00:00.000Z', { storeId: store });
    const body = review(orderId, { text: 'Llegó rápido 👍 到货很快' });
    const first = await post(body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      orderId,
      storeId: store,
      overall: 5,
      text: 'Llegó rápido 👍 到货很快',
      reply: null,
    });
    const again = await post(body);
    expect({ status: again.status, id: again.body.id }).toEqual({ status: 200, id: first.body.id });
    const second = await post(review(orderId));
    expect({ status: second.status, code: second.body.code }).toEqual({
      status: 409,
      code: 'ORDER_ALREADY_REVIEWED',
    });
    const changed = await post({ ...body, overall: 1 });
    expect({ status: changed.status, code: changed.body.code }).toEqual({
      status: 409,
      code: 'REVIEW_ID_REUSED',
    });

    const { orderId: undelivered } = await shippedOrder(t, { storeId: store });
    const early = await post(review(undelivered));
    expect({ status: early.status, code: early.body.code }).toEqual({
      status: 422,
      code: 'ORDER_NOT_DELIVERED',
    });
    expectFieldProblem(await post(review(undelivered, { overall: 6 })), 'overall');
    expectFieldProblem(
      await post(review(undelivered, { dsr: { itemAsDescribed: 0, communication: 4, shippingSpeed: 4 } })),
      'dsr.itemAsDescribed',
    );
    expectFieldProblem(
      await post(review(undelivered, { dsr: { itemAsDescribed: 5, communication: 4.5, shippingSpeed: 4 } })),
      'dsr.communication',
    );
    expectFieldProblem(await post(review(undelivered, { text: 'x'.repeat(2001) })), 'text');
    expect((await post(review('019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b'))).status).toBe(404);
    expect((await ratings(`storeId=${store}`)).stores[0]).toMatchObject({ reviews: 1, positive: 1 });
  });

  it('REV-2: the seller replies once to a review of its own store; another store sees nothing', async () => {
    const store = 'store-rev-reply';
    const { orderId } = await deliveredOrder(t, '2026-11-28T00:00:00.000Z', { storeId: store });
    const { body: received } = await post(review(orderId, { overall: 2 }));
    const seller = await t.sellerToken([store]);
    const other = await t.sellerToken(['store-rev-other']);
    const reply = (text: string, token = seller) =>
      t.http.post(`/v1/reviews/${received.id}/reply`, { text }, token);
    expect((await reply('Sorry', other)).status).toBe(404);
    expect((await t.http.get(`/v1/reviews/${received.id}`, other)).status).toBe(404);
    expect((await t.http.get('/v1/reviews', other)).body.items).toEqual([]);
    expectFieldProblem(await reply('   '), 'text');
    const replied = await reply('Lo sentimos, le enviamos otro.');
    expect(replied.body).toMatchObject({
      reply: 'Lo sentimos, le enviamos otro.',
      repliedAt: expect.any(String),
    });
    expect((await reply('Lo sentimos, le enviamos otro.')).status).toBe(200);
    const second = await reply('Another reply');
    expect({ status: second.status, code: second.body.code }).toEqual({ status: 409, code: 'REPLY_EXISTS' });
    const list = async (q: string) =>
      (await t.http.get(`/v1/reviews?storeId=${store}&${q}`, seller)).body.items.map((r: any) => r.id);
    expect(await list('hasReply=true')).toEqual([received.id]);
    expect(await list('hasReply=false')).toEqual([]);
    expect(await list('rating=2')).toEqual([received.id]);
    expect(await list('rating=5')).toEqual([]);
    expect((await t.http.get('/v1/reviews?hasReply=maybe', seller)).status).toBe(400);
    const posted = await probe.waitFor(
      (m) => m.headers.ce_type === ReviewEvents.ReplyPosted && m.key === orderId,
    );
    expect(posted[0].body.data).toMatchObject({ reviewId: received.id, storeId: store });
  });

  it("REV-3, REV-4, REV-5: a store's positive rate and DSR over 90 days with the reviews behind them; a review exactly 90 days old counts, one second older does not; the third late-shipment strike takes 0.1 off shipping speed", async () => {
    const store = 'store-rev-window';
    const seller = await t.sellerToken([store, 'store-rev-window-2']);
    expect((await ratings(`storeId=${store}`, seller)).stores).toEqual([
      expect.objectContaining({ storeId: store, reviews: 0, positiveRate: null }),
    ]);
    // Each paid when the clock stands (the previous test left it at 2026-11-28) and shipped at once: no strike.
    const a = await deliveredOrder(t, '2026-11-29T00:00:00.000Z', {
      storeId: store,
      paidAt: '2026-11-28T00:00:00.000Z',
    });
    const onTime = { paidAt: '2026-11-29T00:00:00.000Z' };
    const b = await deliveredOrder(t, '2026-11-29T00:00:00.000Z', { storeId: store, ...onTime });
    const c = await deliveredOrder(t, '2026-11-29T00:00:00.000Z', {
      storeId: 'store-rev-window-2',
      ...onTime,
    });
    await post(
      review(a.orderId, { overall: 5, dsr: { itemAsDescribed: 5, communication: 5, shippingSpeed: 5 } }),
    );
    await post(
      review(b.orderId, { overall: 3, dsr: { itemAsDescribed: 4, communication: 4, shippingSpeed: 4 } }),
    );
    await post(
      review(c.orderId, { overall: 4, dsr: { itemAsDescribed: 3, communication: 3, shippingSpeed: 3 } }),
    );
    const now = await ratings(`storeId=${store}`, seller);
    expect(now.stores[0]).toMatchObject({ reviews: 2, positive: 1, positiveRate: '0.500000' });
    expect(now.stores[0].dsr).toEqual([
      expect.objectContaining({
        dimension: 'ITEM_AS_DESCRIBED',
        reviews: 2,
        mean: '4.5000',
        shown: '4.5000',
      }),
      expect.objectContaining({ dimension: 'COMMUNICATION', mean: '4.5000' }),
      expect.objectContaining({
        dimension: 'SHIPPING_SPEED',
        mean: '4.5000',
        deduction: '0.0000',
        strikes: 0,
      }),
    ]);
    const both = await ratings('', seller);
    expect(both.stores.map((s: any) => s.storeId)).toEqual([store, 'store-rev-window-2']);
    expect(both.all).toMatchObject({ storeId: '*', reviews: 3, positive: 2, positiveRate: '0.666667' });
    const changed = await probe.waitFor(
      (m) => m.headers.ce_type === ReviewEvents.DsrChanged && m.key === store && m.body.data.reviews === 2,
      3,
    );
    expect(changed.map((m) => m.body.data.dimension).sort()).toEqual([
      'COMMUNICATION',
      'ITEM_AS_DESCRIBED',
      'SHIPPING_SPEED',
    ]);

    // Three orders of the store miss their ship-by deadline: the third strike deducts 0.1 (Clarifications).
    const service = await t.serviceToken();
    for (let i = 0; i < 3; i += 1)
      await t.http.post(
        '/v1/orders',
        paidOrder({ storeId: store, paidAt: '2026-11-29T00:00:00.000Z' }),
        service,
      );
    await advanceTo(t, '2026-11-29T04:00:01.000Z');
    await eventually(async () => {
      const shipping = (await ratings(`storeId=${store}`, seller)).stores[0].dsr[2];
      expect(shipping).toMatchObject({ strikes: 3, mean: '4.5000', deduction: '0.1000', shown: '4.4000' });
    }, 20_000);

    // The reviews were received at 2026-11-29T00:00:00Z: exactly 90 days later they still count.
    await advanceTo(t, '2027-02-27T00:00:00.000Z');
    expect((await ratings(`storeId=${store}`, seller)).stores[0]).toMatchObject({
      reviews: 2,
      positiveRate: '0.500000',
    });
    await advanceTo(t, '2027-02-27T00:00:01.000Z');
    const later = (await ratings(`storeId=${store}`, seller)).stores[0];
    expect(later).toMatchObject({ reviews: 0, positiveRate: null });
    expect(later.dsr[0]).toMatchObject({ mean: null, shown: null });
  });

  it("REV-1: a review from the buyers' topic is taken like the REST one; a malformed one changes nothing", async () => {
    const store = 'store-rev-topic';
    // The clock stands where the window test left it.
    const { orderId } = await deliveredOrder(t, '2027-02-28T00:00:00.000Z', {
      storeId: store,
      paidAt: '2027-02-27T00:00:01.000Z',
    });
    const kafka = await producer();
    try {
      const topic = `${t.namespace}.buyers.reviews.v1`;
      const send = (body: Record<string, unknown>) =>
        kafka.send({ topic, messages: [{ key: orderId, value: JSON.stringify(body) }] });
      await send({ ...review(orderId), overall: 9 });
      await send(review(orderId, { reviewId: 'rv-topic-1', overall: 4 }));
      await eventually(async () => {
        const listed = await t.http.get(`/v1/reviews?storeId=${store}`, await t.operatorToken());
        expect(listed.body.items.map((r: any) => [r.marketplaceReviewId, r.overall])).toEqual([
          ['rv-topic-1', 4],
        ]);
      }, 20_000);
    } finally {
      await kafka.disconnect();
    }
  });

  it('CMP-6: every Reviews event is named by exactly one audit record', async () => {
    const { unaudited, raised } = await auditedEvents(t, 'reviews');
    expect(unaudited).toEqual([]);
    expect(raised).toEqual(
      expect.arrayContaining([
        ReviewEvents.ReviewReceived,
        ReviewEvents.ReplyPosted,
        ReviewEvents.DsrChanged,
      ]),
    );
  });
});
