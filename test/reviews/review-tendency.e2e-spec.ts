import { UnitOfWork } from '@tradehub/platform';
import { ReviewsModule } from '@tradehub/reviews';
import { ReviewEvents } from '@tradehub/reviews/contract';
import { ReviewTendencyScorer } from '../../libs/reviews/src/tendency';
import { auditedEvents } from '../support/audit';
import { withClient } from '../support/database';
import { openRequest, shippedOrder } from '../support/disputes';
import { eventually } from '../support/eventually';
import { scan } from '../support/fulfillment';
import { KafkaProbe } from '../support/kafka';
import { paidOrder } from '../support/orders';
import { expectFieldProblem } from '../support/problems';
import { advanceTo, deliveredOrder } from '../support/settlement';
import { startTestApp, type TestApp } from '../support/test-app';

const HOUR = 3600;
const FLAG = 'NEGATIVE_REVIEW_TENDENCY';

describe('Reviews: the negative-review tendency (REV-6, real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  let probe: KafkaProbe;
  const store = 'store-rev6';
  const elsewhere = 'store-rev6-elsewhere';
  // Set by the tests in order: the late order, and the shipped order whose parcel stalls.
  let late: string;
  let stalled: string;
  let requestId: string;

  beforeAll(async () => {
    t = await startTestApp();
    probe = new KafkaProbe();
    await probe.start([t.topic('reviews')]);
  });

  afterAll(async () => {
    await probe.stop();
    await t.close();
  });

  const now = async (): Promise<string> =>
    (await t.http.get('/v1/sandbox/clock', await t.operatorToken())).body.now;
  const place = async (overrides: Record<string, unknown> = {}) => {
    const placed = await t.http.post(
      '/v1/orders',
      paidOrder({ storeId: store, ...overrides }),
      await t.serviceToken(),
    );
    expect(placed.status).toBe(201);
    return placed.body.id as string;
  };
  const tendencyOf = async (orderId: string, token?: string) =>
    t.http.get(`/v1/reviews/orders/${orderId}/tendency`, token ?? (await t.operatorToken()));
  const tracked = async (orderId: string) => {
    await eventually(async () => expect((await tendencyOf(orderId)).status).toBe(200), 20_000);
    return (await tendencyOf(orderId)).body;
  };
  const list = async (query: string, token: string) =>
    t.http.get(`/v1/reviews/negative-tendency?${query}`, token);
  const listed = async (query: string, token: string) =>
    (await list(query, token)).body.items.map((o: any) => o.orderId);
  const flagEvents = (orderId: string, type: string) =>
    probe.messages.filter((m) => m.key === orderId && m.headers.ce_type === type);

  it('REV-6: a late shipment raises the score of an open order with its reason, short of the flag', async () => {
    late = await place({ paidAt: '2026-11-26T00:00:00.000Z' });
    expect(await tracked(late)).toMatchObject({
      orderId: late,
      storeId: store,
      score: 0,
      flagged: false,
      reasons: [],
      closed: false,
    });
    expect((await tracked(late)).buyerId).toBeUndefined();

    await advanceTo(t, '2026-11-26T04:00:01.000Z');
    await eventually(async () => {
      const r = (await tendencyOf(late)).body;
      expect(r).toMatchObject({ lateShipment: true, score: 30, flagged: false });
      expect(r.reasons).toEqual([
        {
          signal: 'LATE_SHIPMENT',
          code: 'LATE_SHIPMENT',
          message: 'The order was not shipped by its ship-by deadline',
          points: 30,
        },
      ]);
    }, 20_000);
    const seller = await t.sellerToken([store]);
    expect(await listed('', seller)).toEqual([]);
    expect(await listed('all=true', seller)).toEqual([late]);
    expect(await listed('all=true&signal=LATE_SHIPMENT', seller)).toEqual([late]);
    expect(await listed('all=true&signal=OPEN_ISSUE', seller)).toEqual([]);
  });

  it("REV-6: the buyer's past low ratings across tradehub count when the order is placed; a cancelled order closes", async () => {
    const buyerId = 'buyer-rev6-low-rater';
    // Reviews the buyer left in other stores: two of three low within the window, one low a year before it.
    await withClient(t.databaseUrl, async (c) => {
      const rows: [number, string][] = [
        [1, '2026-06-01T00:00:00Z'],
        [2, '2026-08-01T00:00:00Z'],
        [5, '2026-09-01T00:00:00Z'],
        [1, '2025-06-01T00:00:00Z'],
      ];
      for (const [i, [overall, at]] of rows.entries())
        await c.query(
          `insert into reviews.reviews (id, marketplace_review_id, order_id, store_id, buyer_id, overall,
             item_as_described, communication, shipping_speed, text, reviewed_at, version)
           values (gen_random_uuid(), $1, gen_random_uuid(), 'store-rev6-past', $2, $3, 3, 3, 3, 'seeded', $4, 1)`,
          [`mr-rev6-${i}`, buyerId, overall, at],
        );
    });
    const orderId = await place({ buyerId, paidAt: await now() });
    const r = await tracked(orderId);
    expect(r.reasons).toEqual([
      {
        signal: 'BUYER_LOW_RATINGS',
        code: 'BUYER_LOW_RATINGS',
        message: 'The buyer gave 1 or 2 stars in 2 of their 3 reviews on tradehub in the last 365 days (67%)',
        points: 34,
      },
    ]);
    expect(r).toMatchObject({ score: 34, flagged: false });

    const seller = await t.sellerToken([store]);
    const cancelled = await t.http.post(
      `/v1/orders/${orderId}/cancel`,
      { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
      seller,
    );
    expect(cancelled.status).toBe(200);
    await eventually(async () => expect((await tendencyOf(orderId)).body.closed).toBe(true), 20_000);
    expect(await listed('all=true', seller)).toEqual([late]);
  });

  it("REV-6, CMP-5: an open refund request and stalled logistics together flag NEGATIVE_REVIEW_TENDENCY with their reasons; the store's seller sees it, another store's does not", async () => {
    const shipped = await shippedOrder(t, { storeId: store, paidAt: await now() });
    stalled = shipped.orderId;
    await scan(t, {
      carrierCode: 'CAINIAO',
      trackingNumber: shipped.trackingNumber,
      type: 'PICKUP',
      occurredAt: await now(),
    });
    expect((await tracked(stalled)).score).toBe(0);
    // FUL-3: picked up, and no tracking update for 24 hours.
    await t.advance(25 * HOUR);
    await eventually(async () => {
      expect((await tendencyOf(stalled)).body).toMatchObject({
        logisticsStalled: true,
        score: 35,
        flagged: false,
      });
    }, 20_000);

    requestId = (await openRequest(t, stalled)).id;
    await eventually(async () => {
      const r = (await tendencyOf(stalled)).body;
      expect(r).toMatchObject({ openIssue: true, logisticsStalled: true, score: 75, flagged: true });
      expect(r.reasons.map((x: any) => x.signal)).toEqual(['OPEN_ISSUE', 'LOGISTICS_STALLED']);
      for (const reason of r.reasons) expect(reason.message).toMatch(/^[A-Z].{8,}/);
    }, 20_000);

    const [raised] = await probe.waitFor(
      (m) => m.key === stalled && m.headers.ce_type === ReviewEvents.RiskFlagRaised,
    );
    expect(raised.body.data).toEqual({
      code: FLAG,
      severity: 'medium',
      storeId: store,
      orderId: stalled,
      reason:
        'The buyer has an open refund or return request on this order; ' +
        'The parcel has no recent tracking update: the buyer cannot see it moving',
    });

    const seller = await t.sellerToken([store]);
    const board = await list('', seller);
    expect(board.status).toBe(200);
    expect(board.body).toEqual({
      items: [expect.objectContaining({ orderId: stalled, storeId: store, score: 75, flagged: true })],
      nextCursor: null,
    });
    expect(await listed(`storeId=${store}&signal=OPEN_ISSUE`, seller)).toEqual([stalled]);
    expect(await listed('signal=LATE_SHIPMENT', seller)).toEqual([]);
    expect(await listed('all=true', seller)).toEqual([stalled, late]);
    expect(await listed(`storeId=${store}`, await t.operatorToken())).toEqual([stalled]);

    const other = await t.sellerToken([elsewhere]);
    expect(await listed('', other)).toEqual([]);
    expect(await listed('all=true', other)).toEqual([]);
    expect(await listed(`storeId=${store}&all=true`, other)).toEqual([]);
    const hidden = await tendencyOf(stalled, other);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('ORDER_NOT_FOUND');
    expect((await tendencyOf('019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b')).status).toBe(404);
    expect((await t.http.get('/v1/reviews/negative-tendency', await t.serviceToken())).status).toBe(403);
  });

  it('REV-6, CMP-5: closing the refund request lowers the score and clears the flag', async () => {
    const accepted = await t.http.post(
      `/v1/disputes/requests/${requestId}/answer`,
      { answer: 'ACCEPT' },
      await t.sellerToken([store]),
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('CLOSED');
    await eventually(async () => {
      expect((await tendencyOf(stalled)).body).toMatchObject({
        openIssue: false,
        logisticsStalled: true,
        score: 35,
        flagged: false,
      });
    }, 20_000);
    const [cleared] = await probe.waitFor(
      (m) => m.key === stalled && m.headers.ce_type === ReviewEvents.RiskFlagCleared,
    );
    expect(cleared.body.data).toMatchObject({ code: FLAG, storeId: store, orderId: stalled });
    expect(cleared.body.data.reason).toMatch(/below the flag score 50/);
    expect(await listed('', await t.sellerToken([store]))).toEqual([]);
    expect(flagEvents(stalled, ReviewEvents.RiskFlagRaised)).toHaveLength(1);
  });

  it('REV-6: the list pages by score then order id; a forged cursor or a bad filter is a 400 problem naming its field', async () => {
    const seller = await t.sellerToken([store]);
    const first = await list('all=true&limit=1', seller);
    expect(first.body.items.map((o: any) => [o.orderId, o.score])).toEqual([[stalled, 35]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(`all=true&limit=1&cursor=${first.body.nextCursor}`, seller);
    expect(second.body).toEqual({
      items: [expect.objectContaining({ orderId: late, score: 30 })],
      nextCursor: null,
    });

    const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const cursor of [
      forged([1, '-'.repeat(36)]),
      forged([1.5, stalled]),
      forged([101, stalled]),
      forged(['35', stalled]),
      forged([35, stalled.toUpperCase()]),
      forged([35, stalled, 'extra']),
      forged({ score: 35 }),
      'not a cursor',
      `${first.body.nextCursor}x`,
    ]) {
      const refused = await list(`all=true&cursor=${encodeURIComponent(cursor)}`, seller);
      expect({ cursor, status: refused.status, field: refused.body.errors?.[0]?.field }).toEqual({
        cursor,
        status: 400,
        field: 'cursor',
      });
    }
    expectFieldProblem(await list('signal=ANGRY', seller), 'signal');
    expectFieldProblem(await list('all=yes', seller), 'all');
    expectFieldProblem(await list('limit=0', seller), 'limit');
    expectFieldProblem(await list('storeId=%20bad', seller), 'storeId');
    expectFieldProblem(await tendencyOf('not-a-uuid'), 'orderId');
  });

  it('REV-6: a review of the buyer re-scores their other open orders with it counted once, whether or not its row is written yet; the reviewed order closes', async () => {
    const buyerId = 'buyer-rev6-reviewing';
    const other = 'store-rev6-buyer';
    const seed = (overall: number, orderId: string | null, i: number) =>
      withClient(t.databaseUrl, (c) =>
        c.query(
          `insert into reviews.reviews (id, marketplace_review_id, order_id, store_id, buyer_id, overall,
             item_as_described, communication, shipping_speed, text, reviewed_at, version)
           values (gen_random_uuid(), $1, coalesce($2::uuid, gen_random_uuid()), $3, $4, $5, 3, 3, 3, 'seeded', $6, 1)`,
          [`mr-rev6-buyer-${i}`, orderId, other, buyerId, overall, '2026-10-01T00:00:00Z'],
        ),
      );
    // One low rating of two: short of the two low ratings the default policy asks for.
    await seed(1, null, 1);
    await seed(5, null, 2);
    const reviewed = await place({ storeId: other, buyerId, paidAt: await now() });
    const open = await place({ storeId: other, buyerId, paidAt: await now() });
    expect((await tracked(reviewed)).reasons).toEqual([]);
    expect((await tracked(open)).reasons).toEqual([]);

    const reviews = t.app.select(ReviewsModule);
    const database = reviews.get(UnitOfWork, { strict: true });
    const scorer = reviews.get(ReviewTendencyScorer, { strict: true });
    const at = new Date(await now());
    await database.run((tx) => scorer.change(tx, reviewed, { openIssue: true, logisticsStalled: true }, at));
    expect((await tendencyOf(reviewed)).body).toMatchObject({ flagged: true, score: 75 });
    // The review of `reviewed` is received in this transaction: its row is not written yet.
    await database.run((tx) => scorer.reviewReceived(tx, { orderId: reviewed, buyerId, overall: 2 }, at));
    expect((await tendencyOf(reviewed)).body).toMatchObject({ closed: true, flagged: false });
    const [cleared] = await probe.waitFor(
      (m) => m.key === reviewed && m.headers.ce_type === ReviewEvents.RiskFlagCleared,
    );
    expect(cleared.body.data).toMatchObject({ code: FLAG, reason: 'the order was reviewed' });
    const rescored = (await tendencyOf(open)).body;
    expect(rescored.reasons).toEqual([
      expect.objectContaining({
        signal: 'BUYER_LOW_RATINGS',
        message: 'The buyer gave 1 or 2 stars in 2 of their 3 reviews on tradehub in the last 365 days (67%)',
      }),
    ]);
    // Its row written, the same review counts once, named as pending or not.
    await seed(2, reviewed, 3);
    await database.run((tx) => scorer.rescoreBuyer(tx, buyerId, reviewed, at, { lowRating: true }));
    expect((await tendencyOf(open)).body.reasons).toEqual(rescored.reasons);
    await database.run((tx) => scorer.rescoreBuyer(tx, buyerId, reviewed, at, null));
    expect((await tendencyOf(open)).body).toMatchObject({ score: rescored.score, reasons: rescored.reasons });
    // A signal after the review leaves the closed order alone.
    await database.run((tx) => scorer.change(tx, reviewed, { openIssue: false, lateShipment: true }, at));
    expect((await tendencyOf(reviewed)).body).toMatchObject({
      closed: true,
      openIssue: true,
      lateShipment: false,
    });
  });

  it('CMP-6: every tendency change is audited, and every event it raised is named by exactly one audit record', async () => {
    const { unaudited, raised } = await auditedEvents(t, 'reviews');
    expect(unaudited).toEqual([]);
    expect(raised).toEqual(
      expect.arrayContaining([ReviewEvents.RiskFlagRaised, ReviewEvents.RiskFlagCleared]),
    );
    const audit = await withClient(t.databaseUrl, (c) =>
      c.query<{ action: string; changes: Record<string, unknown> }>(
        `select action, changes from platform.audit_log where subject_type = 'order-tendency' and subject_id = $1
          order by seq`,
        [stalled],
      ),
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'reviews.tendency-tracked',
      'reviews.tendency-rescored',
      'reviews.tendency-rescored',
      'reviews.tendency-rescored',
    ]);
    expect(audit.rows[0].changes).toMatchObject({
      score: { from: null, to: 0 },
      closed: { from: null, to: false },
    });
    expect(audit.rows.at(-1)!.changes).toEqual({
      score: { from: 75, to: 35 },
      flagged: { from: true, to: false },
      openIssue: { from: true, to: false },
      reasons: { from: expect.any(Array), to: [expect.objectContaining({ signal: 'LOGISTICS_STALLED' })] },
    });
  });

  it('REV-6: a finished order (delivered, its money released) is no longer open', async () => {
    const at = await now();
    const { orderId } = await deliveredOrder(t, at, { storeId: store, paidAt: at });
    expect((await tracked(orderId)).closed).toBe(false);
    // SET-3: released at 10:00 UTC of day 7 after delivery, which finishes the order.
    await t.advance(8 * 24 * HOUR);
    await eventually(async () => expect((await tendencyOf(orderId)).body.closed).toBe(true), 20_000);
  });
});
