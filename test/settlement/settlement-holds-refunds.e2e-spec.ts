import { withClient } from '../support/database';
import { tinyPdf, uploadProof } from '../support/fulfillment';
import { eventually } from '../support/eventually';
import { expectFieldProblem, PROBLEM } from '../support/problems';
import { SettlementEvents } from '@tradehub/settlement/contract';
import { advanceTo, auditedSettlementEvents, balances, deliveredOrder } from '../support/settlement';
import { startTestApp, type TestApp } from '../support/test-app';

describe('Settlement: holds, operator decisions and refunds (real PostgreSQL and Kafka)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const settlement = async (orderId: string) =>
    (await t.http.get(`/v1/settlement/orders/${orderId}`, await t.operatorToken())).body;
  const refund = async (orderId: string, refundId: string, minor: string, currency = 'USD') =>
    t.http.post(
      '/v1/settlement/refunds',
      { refundId, orderId, amount: { minor, currency } },
      await t.serviceToken(),
    );

  it('SET-2, SET-3: a confirmed fake shipment holds the review; the operator keeps holding, then releases after day 7 at once; a closed review refuses a second decision', async () => {
    const store = 'store-hold';
    // FUL-6 through Fulfillment's own flow: the seller's proof is judged forged before the delivery.
    const { orderId } = await deliveredOrder(
      t,
      '2026-11-26T12:00:00.000Z',
      { storeId: store },
      async (packageId, seller) => {
        const task = await uploadProof(t, packageId, seller, tinyPdf('forged'));
        const decided = await t.http.post(
          `/v1/review-tasks/${task.body.id}/decision`,
          { decision: 'CONFIRM_FAKE_SHIPMENT', reason: 'waybill forged' },
          await t.operatorToken(),
        );
        expect(decided.body.status).toBe('FAKE_SHIPMENT_CONFIRMED');
      },
    );
    await eventually(async () => {
      const signals = await withClient(t.databaseUrl, (c) =>
        c.query(`select 1 from settlement.order_signals where order_id = $1`, [orderId]),
      );
      expect(signals.rowCount).toBe(1);
    });
    await advanceTo(t, '2026-12-01T00:00:00.000Z');
    expect(await settlement(orderId)).toMatchObject({
      fundStatus: 'HELD',
      holdReasons: ['FAKE_SHIPMENT_CONFIRMED'],
    });

    const operator = await t.operatorToken();
    const queue = await t.http.get('/v1/settlement/held-reviews', operator);
    expect(queue.body.items.map((o: any) => o.orderId)).toContain(orderId);
    const seller = await t.sellerToken([store]);
    expect((await t.http.get('/v1/settlement/held-reviews', seller)).status).toBe(403);

    const keep = await t.http.post(
      `/v1/settlement/orders/${orderId}/hold-decision`,
      { decision: 'KEEP_HOLDING', reason: 'case under appeal' },
      operator,
    );
    expect(keep.status).toBe(200);
    expect(keep.body).toMatchObject({
      fundStatus: 'HELD',
      decisions: [{ decision: 'KEEP_HOLDING', reason: 'case under appeal' }],
    });

    // Past day 7 (2026-12-03T10:00Z): the money stays frozen until decided, then releases at once.
    await advanceTo(t, '2026-12-05T08:00:00.000Z');
    expect(await balances(t, store)).toMatchObject({ frozen: '2800', available: '0' });
    const release = await t.http.post(
      `/v1/settlement/orders/${orderId}/hold-decision`,
      { decision: 'RELEASE', reason: 'appeal upheld' },
      operator,
    );
    expect(release.body).toMatchObject({ fundStatus: 'RELEASED', releasedAt: '2026-12-05T08:00:00.000Z' });
    expect(await balances(t, store)).toMatchObject({ frozen: '0', available: '2800' });

    const again = await t.http.post(
      `/v1/settlement/orders/${orderId}/hold-decision`,
      { decision: 'RELEASE', reason: 'twice' },
      operator,
    );
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain(PROBLEM);
    expect(again.body.code).toBe('REVIEW_NOT_HELD');

    const audit = await withClient(t.databaseUrl, (c) =>
      c.query(`select action from platform.audit_log where subject_id = $1 order by id`, [orderId]),
    );
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['settlement.review-held', 'settlement.hold-kept', 'settlement.hold-released']),
    );
  });

  it('SET-5: a refund before release comes out of frozen, after release out of available, which goes negative and is paid by the next release', async () => {
    const store = 'store-refund';
    const first = await deliveredOrder(t, '2026-12-06T00:00:00.000Z', { storeId: store });
    const before = await refund(first.orderId, 'rf-1', '800');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ takenFrom: 'FROZEN' });
    expect(await balances(t, store)).toMatchObject({ frozen: '2000', available: '0' });

    // A redelivered refund posts nothing new; the same id with another amount is refused.
    expect((await refund(first.orderId, 'rf-1', '800')).body).toEqual(before.body);
    expect((await refund(first.orderId, 'rf-1', '801')).status).toBe(409);
    const tooMuch = await refund(first.orderId, 'rf-2', '2001');
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('REFUND_EXCEEDS_REFUNDABLE');
    expect(await balances(t, store)).toMatchObject({ frozen: '2000' });

    await advanceTo(t, '2026-12-13T10:00:00.000Z');
    expect(await balances(t, store)).toMatchObject({ frozen: '0', available: '2000' });
    const after = await refund(first.orderId, 'rf-3', '2000');
    expect(after.body).toMatchObject({ takenFrom: 'AVAILABLE' });
    expect(await balances(t, store)).toMatchObject({ frozen: '0', available: '0' });
    // The whole total is refunded now: nothing more is.
    expect((await refund(first.orderId, 'rf-4', '1')).status).toBe(422);
    expect((await settlement(first.orderId)).refunds.map((r: any) => r.takenFrom)).toEqual([
      'FROZEN',
      'AVAILABLE',
    ]);

    const entries = await t.http.get(
      `/v1/settlement/entries?storeId=${store}&accountKind=AVAILABLE&limit=1`,
      await t.sellerToken([store]),
    );
    expect(entries.body.items).toHaveLength(1);
    expect(entries.body.items[0]).toMatchObject({ kind: 'REFUND', idempotencyKey: 'refund:rf-3' });
    expect(entries.body.nextCursor).toEqual(expect.any(String));
    const next = await t.http.get(
      `/v1/settlement/entries?storeId=${store}&accountKind=AVAILABLE&limit=1&cursor=${entries.body.nextCursor}`,
      await t.sellerToken([store]),
    );
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0]).toMatchObject({ kind: 'RELEASE', idempotencyKey: `release:${first.orderId}` });
    expect(next.body.nextCursor).toBeNull();
  });

  it('SET-5: a refund may take available below zero, and later proceeds pay the debt first', async () => {
    const store = 'store-debt';
    const a = await deliveredOrder(t, '2026-12-21T00:00:00.000Z', { storeId: store });
    await advanceTo(t, '2026-12-28T10:00:00.000Z');
    expect(await balances(t, store)).toMatchObject({ available: '2800' });
    const b = await deliveredOrder(t, '2026-12-28T10:00:00.000Z', { storeId: store });
    await t.http.post(
      '/v1/settlement/withdrawals',
      { storeId: store, amount: { minor: '2800', currency: 'USD' } },
      await t.sellerToken([store]),
      { 'Idempotency-Key': 'w-debt' },
    );
    expect(await balances(t, store)).toMatchObject({ available: '0', payoutInTransit: '2800' });
    expect((await refund(a.orderId, 'rf-debt', '1000')).body.takenFrom).toBe('AVAILABLE');
    expect(await balances(t, store)).toMatchObject({ available: '-1000' });
    await advanceTo(t, '2027-01-04T10:00:00.000Z');
    expect((await settlement(b.orderId)).fundStatus).toBe('RELEASED');
    expect(await balances(t, store)).toMatchObject({ available: '1800', frozen: '0' });
  });

  it('SET-5: bad refunds get a problem naming the field and change nothing', async () => {
    const service = await t.serviceToken();
    const bad = [
      { refundId: 'x', orderId: 'not-a-uuid', amount: { minor: '1', currency: 'USD' } },
      {
        refundId: 'x',
        orderId: '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b',
        amount: { minor: '-1', currency: 'USD' },
      },
      {
        refundId: 'x',
        orderId: '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b',
        amount: { minor: '1.5', currency: 'USD' },
      },
      {
        refundId: 'x',
        orderId: '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b',
        amount: { minor: '1', currency: 'XXX' },
      },
    ];
    const fields = ['orderId', 'amount.minor', 'amount.minor', 'amount.currency'];
    for (const [i, body] of bad.entries())
      expectFieldProblem(await t.http.post('/v1/settlement/refunds', body, service), fields[i]!);
    const unknown = await t.http.post(
      '/v1/settlement/refunds',
      {
        refundId: 'x',
        orderId: '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b',
        amount: { minor: '1', currency: 'USD' },
      },
      service,
    );
    expect(unknown.status).toBe(404);
    await eventually(async () =>
      expect((await refund('019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b', 'y', '1')).status).toBe(404),
    );
  });

  it('SET-2, SET-3: an open dispute holds the day-5 review; one opened after it holds the day-7 release; a closed seller account holds too', async () => {
    const service = await t.serviceToken();
    const operator = await t.operatorToken();
    const issue = (orderId: string, issueId: string, status: string) =>
      t.http.post('/v1/settlement/order-issues', { issueId, orderId, status }, service);

    const disputed = await deliveredOrder(t, '2027-01-05T08:00:00.000Z', { storeId: 'store-issue' });
    const late = await deliveredOrder(t, '2027-01-05T08:00:00.000Z', { storeId: 'store-issue' });
    const closedSeller = await deliveredOrder(t, '2027-01-05T08:00:00.000Z', {
      storeId: 'store-issue',
      sellerId: 'seller-closed',
    });
    expect((await issue(disputed.orderId, 'dsp-1', 'OPEN')).status).toBe(200);
    expect((await issue(disputed.orderId, 'dsp-1', 'OPEN')).status).toBe(200); // a redelivery changes nothing
    const closing = await t.http.request('PUT', '/v1/settlement/seller-accounts/seller-closed', {
      token: operator,
      body: { closed: true, reason: 'second confirmed fake-shipment case' },
    });
    expect(closing.status).toBe(200);

    await advanceTo(t, '2027-01-10T00:00:00.000Z');
    expect(await settlement(disputed.orderId)).toMatchObject({
      fundStatus: 'HELD',
      holdReasons: ['OPEN_REFUND_OR_DISPUTE'],
    });
    expect(await settlement(closedSeller.orderId)).toMatchObject({
      fundStatus: 'HELD',
      holdReasons: ['SELLER_ACCOUNT_CLOSED'],
    });
    expect((await settlement(late.orderId)).fundStatus).toBe('IN_REVIEW');

    // A dispute opened after the review passed holds the release at day 7.
    await issue(late.orderId, 'dsp-2', 'OPEN');
    await advanceTo(t, '2027-01-12T10:00:00.000Z');
    expect(await settlement(late.orderId)).toMatchObject({
      fundStatus: 'HELD',
      holdReasons: ['OPEN_REFUND_OR_DISPUTE'],
      reviewedAt: '2027-01-10T00:00:00.000Z',
      heldAt: '2027-01-12T10:00:00.000Z',
    });
    expect(await settlement(disputed.orderId)).toMatchObject({ heldAt: '2027-01-10T00:00:00.000Z' });
    // The queue is worked oldest hold first, page by page: the day-7 hold after the day-5 ones.
    const queued: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: any } = await t.http.get(
        `/v1/settlement/held-reviews?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        operator,
      );
      queued.push(...page.body.items.map((o: { orderId: string }) => o.orderId));
      cursor = page.body.nextCursor;
    } while (cursor);
    const ours = queued.filter((id) => [disputed.orderId, closedSeller.orderId, late.orderId].includes(id));
    expect(ours.at(-1)).toBe(late.orderId);
    expect(ours).toHaveLength(3);
    // The dispute ends; the operator releases at once (day 7 has passed).
    await issue(late.orderId, 'dsp-2', 'CLOSED');
    const released = await t.http.post(
      `/v1/settlement/orders/${late.orderId}/hold-decision`,
      { decision: 'RELEASE', reason: 'dispute closed in the seller’s favour' },
      operator,
    );
    expect(released.body).toMatchObject({ fundStatus: 'RELEASED', releasedAt: '2027-01-12T10:00:00.000Z' });

    expectFieldProblem(await issue('not-a-uuid', 'dsp-3', 'OPEN'), 'orderId');
    expectFieldProblem(await issue(late.orderId, 'dsp-3', 'PAUSED'), 'status');
    const bySeller = await t.http.post(
      '/v1/settlement/order-issues',
      { issueId: 'x', orderId: late.orderId, status: 'OPEN' },
      await t.sellerToken(['store-issue']),
    );
    expect(bySeller.status).toBe(403);
  });

  it('CMP-6: every settlement event raised above left the outbox with exactly one audit record', async () => {
    const { unaudited, raised } = await auditedSettlementEvents(t);
    expect({ unaudited }).toEqual({ unaudited: [] });
    expect(raised).toEqual(
      [
        SettlementEvents.FundsFrozen,
        SettlementEvents.ReviewStarted,
        SettlementEvents.ReviewPassed,
        SettlementEvents.ReviewHeld,
        SettlementEvents.HoldDecided,
        SettlementEvents.FundsReleased,
        SettlementEvents.RefundPosted,
        SettlementEvents.FundStatusChanged,
        SettlementEvents.PayoutRequested,
      ].sort(),
    );
  });
});
