import { eventually } from '../support/eventually';
import { openRequest, tinyPng, uploadEvidence } from '../support/disputes';
import { advanceTo, balances, deliveredOrder } from '../support/settlement';
import { startTestApp, type TestApp } from '../support/test-app';

describe('Disputes: arbitration, and refunds after release (real PostgreSQL and Kafka)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const order = async (id: string) => (await t.http.get(`/v1/orders/${id}`, await t.operatorToken())).body;

  it('DSP-4: a refused request escalated by the buyer is decided by an operator (audited); the decision drives a partial refund and closes the issue', async () => {
    const store = 'store-dsp-arb';
    const { orderId } = await deliveredOrder(t, '2026-11-27T00:00:00.000Z', { storeId: store });
    const opened = await openRequest(t, orderId, { amount: { minor: '2000', currency: 'USD' } });
    const seller = await t.sellerToken([store]);
    const photo = await uploadEvidence(t, seller, tinyPng(), 'intact.png');
    const refused = await t.http.post(
      `/v1/disputes/requests/${opened.id}/answer`,
      { answer: 'REFUSE', reason: 'ITEM_AS_DESCRIBED', evidence: [photo.body.sha256] },
      seller,
    );
    expect(refused.body).toMatchObject({ status: 'REFUSED' });
    const escalated = await t.http.post(
      `/v1/disputes/requests/${opened.id}/escalation`,
      { reason: 'the case is cracked on arrival' },
      await t.serviceToken(),
    );
    expect(escalated.body).toMatchObject({
      status: 'ESCALATED',
      issueStatus: 'ESCALATED',
      escalation: { by: 'BUYER' },
    });
    await eventually(async () =>
      expect(await order(orderId)).toMatchObject({ status: 'IN_ISSUE', issueStatus: 'ESCALATED' }),
    );

    const operator = await t.operatorToken();
    const queue = await t.http.get('/v1/disputes/arbitration-queue', operator);
    expect(queue.body.items.map((r: any) => r.id)).toEqual([opened.id]);
    expect((await t.http.get('/v1/disputes/arbitration-queue', seller)).status).toBe(403);
    const bySeller = await t.http.post(
      `/v1/disputes/requests/${opened.id}/arbitration`,
      { decision: 'FULL', reason: 'mine' },
      seller,
    );
    expect(bySeller.status).toBe(403);
    const noAmount = await t.http.post(
      `/v1/disputes/requests/${opened.id}/arbitration`,
      { decision: 'PARTIAL', reason: 'x' },
      operator,
    );
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'amount' })]),
    );

    const decided = await t.http.post(
      `/v1/disputes/requests/${opened.id}/arbitration`,
      {
        decision: 'PARTIAL',
        amount: { minor: '1200', currency: 'USD' },
        reason: 'the lid is cracked, the body intact',
      },
      operator,
    );
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'CLOSED',
      outcome: 'PARTIALLY_REFUNDED',
      arbitration: { decision: 'PARTIAL', amountMinor: '1200', decidedBy: 'test-operator' },
      refund: { basis: 'ARBITRATION', takenFrom: 'FROZEN' },
    });
    expect(await balances(t, store)).toMatchObject({ frozen: '1600' });
    const again = await t.http.post(
      `/v1/disputes/requests/${opened.id}/arbitration`,
      { decision: 'NONE', reason: 'x' },
      operator,
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REQUEST_CLOSED');
    const audit = await t.http.get(
      `/v1/audit-log?subjectType=refund-request&subjectId=${opened.id}`,
      operator,
    );
    expect(audit.body.items.map((a: any) => a.action)).toEqual(
      expect.arrayContaining([
        'disputes.arbitration-decided',
        'disputes.escalated',
        'disputes.seller-refused',
      ]),
    );
    expect(audit.body.items.find((a: any) => a.action === 'disputes.arbitration-decided')).toMatchObject({
      actor: 'test-operator',
    });
    await eventually(async () =>
      expect(await order(orderId)).toMatchObject({ status: 'FUND_PROCESSING', issueStatus: 'CLOSED' }),
    );
  });

  it('SET-5, DSP-1: a refund after release comes out of the available balance, which may go negative; the finished order reopens and finishes again', async () => {
    const store = 'store-dsp-released';
    const { orderId } = await deliveredOrder(t, '2026-11-28T00:00:00.000Z', { storeId: store });
    // Day 7 10:00 UTC: released; the seller withdraws everything.
    await advanceTo(t, '2026-12-05T10:00:01.000Z');
    expect(await balances(t, store)).toMatchObject({ frozen: '0', available: '2800' });
    await eventually(async () =>
      expect(await order(orderId)).toMatchObject({ status: 'FINISH', fundStatus: 'RELEASED' }),
    );
    const seller = await t.sellerToken([store]);
    const paid = await t.http.post(
      '/v1/settlement/withdrawals',
      { storeId: store, amount: { minor: '2800', currency: 'USD' } },
      seller,
      { 'Idempotency-Key': 'wd-dsp-all' },
    );
    expect(paid.status).toBe(201);

    const opened = await openRequest(t, orderId, { amount: { minor: '2000', currency: 'USD' } });
    await eventually(async () => expect(await order(orderId)).toMatchObject({ status: 'IN_ISSUE' }));
    const accepted = await t.http.post(
      `/v1/disputes/requests/${opened.id}/answer`,
      { answer: 'ACCEPT' },
      seller,
    );
    expect(accepted.body).toMatchObject({ status: 'CLOSED', refund: { takenFrom: 'AVAILABLE' } });
    expect(await balances(t, store)).toMatchObject({ available: '-2000', payoutInTransit: '2800' });
    await eventually(async () =>
      expect(await order(orderId)).toMatchObject({ status: 'FINISH', issueStatus: 'CLOSED' }),
    );
  });

  it('DSP-4: the arbitration queue lists the oldest escalation first, a page at a time', async () => {
    const store = 'store-dsp-queue';
    const seller = await t.sellerToken([store]);
    const first = await deliveredOrder(t, '2026-12-06T00:00:00.000Z', { storeId: store });
    const second = await deliveredOrder(t, '2026-12-06T01:00:00.000Z', { storeId: store });
    // Requested first, escalated last: the queue follows the escalation, not the request.
    const early = await openRequest(t, first.orderId, { amount: { minor: '1000', currency: 'USD' } });
    await advanceTo(t, '2026-12-06T02:00:00.000Z');
    const late = await openRequest(t, second.orderId, { amount: { minor: '1000', currency: 'USD' } });
    const photo = await uploadEvidence(t, seller, tinyPng(), 'as-described.png');
    for (const id of [early.id, late.id]) {
      const refused = await t.http.post(
        `/v1/disputes/requests/${id}/answer`,
        { answer: 'REFUSE', reason: 'ITEM_AS_DESCRIBED', evidence: [photo.body.sha256] },
        seller,
      );
      expect(refused.body).toMatchObject({ status: 'REFUSED' });
    }
    const service = await t.serviceToken();
    const escalate = (id: string) =>
      t.http.post(`/v1/disputes/requests/${id}/escalation`, { reason: 'not as described' }, service);
    expect((await escalate(late.id)).body).toMatchObject({ status: 'ESCALATED' });
    await advanceTo(t, '2026-12-06T03:00:00.000Z');
    expect((await escalate(early.id)).body).toMatchObject({ status: 'ESCALATED' });

    const operator = await t.operatorToken();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: any } = await t.http.get(
        `/v1/disputes/arbitration-queue?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        operator,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((r: { id: string }) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.filter((id) => id === early.id || id === late.id)).toEqual([late.id, early.id]);
  });
});
