import { eventually } from '../support/eventually';
import { expectFieldProblem, PROBLEM } from '../support/problems';
import { withClient } from '../support/database';
import {
  downloadEvidence,
  openRequest,
  refundRequest,
  shippedOrder,
  tinyPdf,
  tinyPng,
  uploadEvidence,
} from '../support/disputes';
import { paidOrder } from '../support/orders';
import { auditedEvents } from '../support/audit';
import { advanceTo, balances, deliveredOrder } from '../support/settlement';
import { startTestApp, type TestApp } from '../support/test-app';

describe('Disputes: requests, answers and deadlines (real PostgreSQL and Kafka)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const request = async (id: string) =>
    (await t.http.get(`/v1/disputes/requests/${id}`, await t.operatorToken())).body;
  const order = async (id: string) => (await t.http.get(`/v1/orders/${id}`, await t.operatorToken())).body;
  const answer = async (id: string, storeId: string, body: Record<string, unknown>) =>
    t.http.post(`/v1/disputes/requests/${id}/answer`, body, await t.sellerToken([storeId]));

  it('DSP-1, DSP-2: one second before the deadline the seller still answers; one second after, the full refund was accepted automatically and REFUND_RESPONSE_DUE was raised a day before', async () => {
    const store = 'store-dsp-deadline';
    const a = await shippedOrder(t, { storeId: store });
    const b = await shippedOrder(t, { storeId: store });
    const ra = await openRequest(t, a.orderId);
    const rb = await openRequest(t, b.orderId, { amount: { minor: '1500', currency: 'USD' } });
    // Requested on 2026-11-26: answers are due before 24:00 UTC of day 5, 2026-12-02T00:00Z.
    expect(ra).toMatchObject({
      status: 'AWAITING_SELLER',
      issueStatus: 'OPEN',
      responseDueAt: '2026-12-02T00:00:00.000Z',
    });
    await eventually(async () =>
      expect(await order(a.orderId)).toMatchObject({ status: 'IN_ISSUE', issueStatus: 'OPEN' }),
    );

    await advanceTo(t, '2026-12-01T23:59:59.000Z');
    expect((await request(rb.id)).openFlags).toEqual(['REFUND_RESPONSE_DUE']);
    const accepted = await answer(ra.id, store, { answer: 'ACCEPT' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'CLOSED',
      outcome: 'REFUNDED',
      refunded: { minor: '1000', currency: 'USD' },
      refund: { basis: 'SELLER_ACCEPTED', takenFrom: 'NOT_FROZEN_YET' },
    });

    await advanceTo(t, '2026-12-02T00:00:01.000Z');
    const lapsed = await request(rb.id);
    expect(lapsed).toMatchObject({
      status: 'CLOSED',
      outcome: 'REFUNDED',
      answer: { answer: 'ACCEPT', automatic: true },
      refund: { basis: 'AUTO_ACCEPTED', amountMinor: '1500' },
      openFlags: [],
    });
    const late = await answer(rb.id, store, { answer: 'ACCEPT' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'DEADLINE_PASSED' });
    // Closing restores the order's status: shipped, not yet delivered.
    await eventually(async () =>
      expect(await order(b.orderId)).toMatchObject({
        status: 'WAIT_BUYER_ACCEPT_GOODS',
        issueStatus: 'CLOSED',
      }),
    );
    const flags = await withClient(t.databaseUrl, (c) =>
      c.query(
        `select type, payload from platform.outbox where type like 'tradehub.disputes.risk-flag-%' and key = $1 order by seq`,
        [b.orderId],
      ),
    );
    expect(flags.rows.map((r) => [r.type, r.payload.code])).toEqual([
      ['tradehub.disputes.risk-flag-raised', 'REFUND_RESPONSE_DUE'],
      ['tradehub.disputes.risk-flag-cleared', 'REFUND_RESPONSE_DUE'],
    ]);
  });

  it('DSP-1, SET-5: a partial refund accepted by the buyer comes out of frozen funds; a second request is limited to what remains', async () => {
    const store = 'store-dsp-partial';
    const { orderId } = await deliveredOrder(t, '2026-12-03T00:00:00.000Z', { storeId: store });
    expect(await balances(t, store)).toMatchObject({ frozen: '2800' });
    const first = await openRequest(t, orderId, { amount: { minor: '2000', currency: 'USD' } });
    const seller = await t.sellerToken([store]);
    const photo = await uploadEvidence(t, seller, tinyPng(), 'lid.png');
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({
      contentType: 'image/png',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const offered = await answer(first.id, store, {
      answer: 'PARTIAL',
      amount: { minor: '800', currency: 'USD' },
      reason: 'only the lid is cracked',
      evidence: [photo.body.sha256],
    });
    expect(offered.body).toMatchObject({
      status: 'OFFERED',
      answer: { answer: 'PARTIAL', amount: { minor: '800' } },
    });
    const accept = await t.http.post(
      `/v1/disputes/requests/${first.id}/offer-answer`,
      { answer: 'ACCEPT' },
      await t.serviceToken(),
    );
    expect(accept.body).toMatchObject({
      status: 'CLOSED',
      outcome: 'PARTIALLY_REFUNDED',
      refund: { takenFrom: 'FROZEN' },
    });
    expect(await balances(t, store)).toMatchObject({ frozen: '2000' });

    const over = await t.http.post(
      '/v1/disputes/requests',
      refundRequest(orderId, { amount: { minor: '2001', currency: 'USD' } }),
      await t.serviceToken(),
    );
    expectFieldProblem(over, 'amount.minor', 422);
    expect(over.body.code).toBe('AMOUNT_EXCEEDS_REFUNDABLE');
    const second = await openRequest(t, orderId, { amount: { minor: '2000', currency: 'USD' } });
    expect(second).toMatchObject({ status: 'AWAITING_SELLER', requested: { minor: '2000' } });
    const again = await t.http.post('/v1/disputes/requests', refundRequest(orderId), await t.serviceToken());
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REQUEST_ALREADY_OPEN');
    // While a request is open the day-5 review holds the money (SET-2), once Settlement has heard of it.
    await eventually(async () => {
      const signals = await withClient(t.databaseUrl, (c) =>
        c.query(`select open_issues from settlement.order_signals where order_id = $1`, [orderId]),
      );
      expect(signals.rows[0]?.open_issues).toEqual([second.id]);
    }, 20_000);
    await advanceTo(t, '2026-12-08T00:00:00.000Z');
    const held = await t.http.get(`/v1/settlement/orders/${orderId}`, await t.operatorToken());
    expect(held.body).toMatchObject({ fundStatus: 'HELD', holdReasons: ['OPEN_REFUND_OR_DISPUTE'] });
  });

  it('DSP-1: bad input gets a 4xx problem+json naming the field and changes nothing', async () => {
    const store = 'store-dsp-bad';
    const { orderId } = await shippedOrder(t, { storeId: store });
    const service = await t.serviceToken();
    const post = (body: Record<string, unknown>) => t.http.post('/v1/disputes/requests', body, service);

    expectFieldProblem(
      await post(refundRequest(orderId, { amount: { minor: '2801', currency: 'USD' } })),
      'amount.minor',
      422,
    );
    expectFieldProblem(
      await post(refundRequest(orderId, { amount: { minor: '10', currency: 'EUR' } })),
      'amount.currency',
      422,
    );
    expectFieldProblem(await post(refundRequest(orderId, { kind: 'EXCHANGE' })), 'kind');
    expectFieldProblem(await post(refundRequest(orderId, { evidence: ['f'.repeat(64)] })), 'evidence[0]');
    expectFieldProblem(await post(refundRequest('not-a-uuid')), 'orderId');
    const unknown = await post(refundRequest('019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b'));
    expect(unknown.status).toBe(404);
    const unshipped = await t.http.post('/v1/orders', paidOrder({ storeId: store }), service);
    const early = await post(refundRequest(unshipped.body.id));
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('ORDER_NOT_SHIPPED');

    const open = await openRequest(t, orderId);
    const seller = await t.sellerToken([store]);
    const notImage = await uploadEvidence(
      t,
      seller,
      new TextEncoder().encode('#!/bin/sh\nrm -rf /\n'),
      'photo.png',
    );
    expectFieldProblem(notImage as any, 'file', 400);
    const pdf = await uploadEvidence(t, seller, tinyPdf('invoice'), 'invoice.pdf', 'application/pdf');
    expect(pdf.body.contentType).toBe('application/pdf');

    const refuse = (reason: string, evidence: string[]) =>
      answer(open.id, store, { answer: 'REFUSE', reason, evidence });
    expectFieldProblem(
      await answer(open.id, store, {
        answer: 'PARTIAL',
        amount: { minor: '500', currency: 'USD' },
        reason: 'lid',
      }),
      'evidence',
    );
    expectFieldProblem(
      await answer(open.id, store, {
        answer: 'PARTIAL',
        amount: { minor: '1000', currency: 'USD' },
        reason: 'lid',
        evidence: [pdf.body.sha256],
      }),
      'amount.minor',
    );
    const notListed = await refuse('BUYER_IS_LYING', [pdf.body.sha256]);
    expectFieldProblem(notListed, 'reason', 422);
    expect(notListed.body.code).toBe('REFUSAL_REASON_NOT_ALLOWED');
    expect(await request(open.id)).toMatchObject({ status: 'AWAITING_SELLER', answer: null });

    expect((await refuse('ITEM_AS_DESCRIBED', [pdf.body.sha256])).body).toMatchObject({ status: 'REFUSED' });
    const twice = await answer(open.id, store, { answer: 'ACCEPT' });
    expect(twice.status).toBe(409);
    expect(twice.headers.get('content-type')).toContain(PROBLEM);
    expect(twice.body.code).toBe('REQUEST_NOT_AWAITING');

    // The buyer lets the refusal stand: closed without a refund; escalating a closed request is refused.
    await advanceTo(t, '2026-12-16T00:00:00.000Z');
    expect(await request(open.id)).toMatchObject({ status: 'CLOSED', outcome: 'NOT_REFUNDED' });
    const closed = await t.http.post(
      `/v1/disputes/requests/${open.id}/escalation`,
      { reason: 'too late' },
      service,
    );
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('REQUEST_CLOSED');
  });

  it("API-2: a seller never sees another store's requests or evidence; its own evidence comes back as uploaded", async () => {
    const store = 'store-dsp-own';
    const { orderId } = await shippedOrder(t, { storeId: store });
    const service = await t.serviceToken();
    const png = await uploadEvidence(t, service, tinyPng(), 'buyer.png');
    const limited = await t.token({ kind: 'service', stores: ['store-dsp-other'] });
    const foreign = await t.http.post('/v1/disputes/requests', refundRequest(orderId), limited);
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({
      status: 404,
      code: 'ORDER_NOT_FOUND',
    });
    const opened = await openRequest(t, orderId, { evidence: [png.body.sha256] });
    const mine = await t.sellerToken([store]);
    const other = await t.sellerToken(['store-dsp-other']);

    expect((await t.http.get(`/v1/disputes/requests/${opened.id}`, other)).status).toBe(404);
    expect((await answer(opened.id, 'store-dsp-other', { answer: 'ACCEPT' })).status).toBe(404);
    const list = await t.http.get(`/v1/disputes/requests?orderId=${orderId}`, other);
    expect(list.body.items).toEqual([]);
    expect((await downloadEvidence(t, other, opened.id, png.body.sha256)).status).toBe(404);

    expect(
      (await t.http.get(`/v1/disputes/requests?storeId=${store}`, mine)).body.items.map((r: any) => r.id),
    ).toEqual([opened.id]);
    const file = await downloadEvidence(t, mine, opened.id, png.body.sha256);
    expect(file).toMatchObject({ status: 200, type: 'image/png' });
    expect(Buffer.from(file.bytes).equals(Buffer.from(tinyPng()))).toBe(true);
    // A file the request does not name is not served, even to the store's own seller.
    const stray = await uploadEvidence(t, mine, tinyPdf('stray'), 'stray.pdf', 'application/pdf');
    expect((await downloadEvidence(t, mine, opened.id, stray.body.sha256)).status).toBe(404);
  });
  it('DSP-1, SET-5: a refund an operator posted in Settlement counts against what a request may ask; evidence is cited only by whoever uploaded it', async () => {
    const store = 'store-dsp-direct';
    const { orderId } = await shippedOrder(t, { storeId: store });
    const service = await t.serviceToken();
    const direct = await t.http.post(
      '/v1/settlement/refunds',
      { refundId: 'op-refund-1', orderId, amount: { minor: '2000', currency: 'USD' } },
      service,
    );
    expect(direct.status).toBe(200);
    const over = await t.http.post(
      '/v1/disputes/requests',
      refundRequest(orderId, { amount: { minor: '1000', currency: 'USD' } }),
      service,
    );
    expect({ status: over.status, code: over.body.code }).toEqual({
      status: 422,
      code: 'AMOUNT_EXCEEDS_REFUNDABLE',
    });
    const opened = await openRequest(t, orderId, { amount: { minor: '800', currency: 'USD' } });

    const stranger = await t.token({
      kind: 'seller_staff',
      id: 'staff-of-another-store',
      stores: ['store-dsp-elsewhere'],
    });
    const theirs = await uploadEvidence(
      t,
      stranger,
      tinyPdf('their invoice'),
      'theirs.pdf',
      'application/pdf',
    );
    const cited = await answer(opened.id, store, {
      answer: 'REFUSE',
      reason: 'ITEM_AS_DESCRIBED',
      evidence: [theirs.body.sha256],
    });
    expectFieldProblem(cited, 'evidence[0]');
    expect(await request(opened.id)).toMatchObject({ status: 'AWAITING_SELLER' });
  });

  it('CMP-6: every Disputes event of these flows is named by exactly one audit record', async () => {
    const { unaudited, raised } = await auditedEvents(t, 'disputes');
    expect(unaudited).toEqual([]);
    expect(raised).toEqual(
      expect.arrayContaining([
        'tradehub.disputes.refund-requested',
        'tradehub.disputes.seller-answered',
        'tradehub.disputes.refund-agreed',
        'tradehub.disputes.refund-executed',
        'tradehub.disputes.request-closed',
        'tradehub.disputes.issue-status-changed',
        'tradehub.disputes.risk-flag-raised',
        'tradehub.disputes.dispute-rate-changed',
      ]),
    );
  });
});
