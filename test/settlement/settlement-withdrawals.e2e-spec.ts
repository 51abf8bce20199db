import type { Producer } from 'kafkajs';
import { eventually } from '../support/eventually';
import { KafkaProbe, producer } from '../support/kafka';
import { expectFieldProblem, PROBLEM } from '../support/problems';
import { SettlementEvents } from '@tradehub/settlement/contract';
import { advanceTo, auditedSettlementEvents, balances, deliveredOrder } from '../support/settlement';
import { startTestApp, type TestApp } from '../support/test-app';

describe('Settlement: withdrawals, FX quotes and payouts (real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  let probe: KafkaProbe;
  let kafka: Producer;
  let seller: string;
  const store = 'store-wd';
  const suffix = Math.random().toString(36).slice(2, 8);
  const treasuryTopic = `treasury-rates-${suffix}`;
  const payoutsTopic = `payout-results-${suffix}`;

  beforeAll(async () => {
    t = await startTestApp({
      env: { KAFKA_TREASURY_RATES_TOPIC: treasuryTopic, KAFKA_PAYOUT_RESULTS_TOPIC: payoutsTopic },
    });
    probe = new KafkaProbe();
    await probe.start([t.topic('settlement')]);
    kafka = await producer();
    seller = await t.sellerToken([store]);
    // Two released orders of 28.00 USD: 56.00 available.
    await deliveredOrder(t, '2026-11-26T06:00:00.000Z', { storeId: store });
    await deliveredOrder(t, '2026-11-26T06:00:00.000Z', { storeId: store });
    await advanceTo(t, '2026-12-03T10:00:00.000Z');
  });

  afterAll(async () => {
    await kafka.disconnect();
    await probe.stop();
    await t.close();
  });

  const withdraw = (body: unknown, key: string | null, token = seller) =>
    t.http.post('/v1/settlement/withdrawals', body, token, key ? { 'Idempotency-Key': key } : {});
  const usd = (minor: string) => ({ minor, currency: 'USD' });
  const payoutResult = (withdrawalId: string, outcome: string, reason?: string) =>
    kafka.send({
      topic: payoutsTopic,
      messages: [{ key: withdrawalId, value: JSON.stringify({ withdrawalId, outcome, reason }) }],
    });
  const status = async (id: string) =>
    (await t.http.get(`/v1/settlement/withdrawals/${id}`, seller)).body.status;

  it('SET-4: a withdrawal in the original currency moves available to in transit, emits payout-requested, a retry answers the first, and payout-completed settles it', async () => {
    expect(await balances(t, store)).toMatchObject({ available: '5600', frozen: '0' });
    const first = await withdraw({ storeId: store, amount: usd('1000') }, 'wd-usd-1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'REQUESTED',
      amount: usd('1000'),
      payout: usd('1000'),
      rate: null,
    });
    const retry = await withdraw({ storeId: store, amount: usd('1000') }, 'wd-usd-1');
    expect(retry.body.id).toBe(first.body.id);
    expect(await balances(t, store)).toMatchObject({ available: '4600', payoutInTransit: '1000' });
    const [requested] = await probe.waitFor(
      (m) => m.key === first.body.id && m.headers.ce_type === 'tradehub.settlement.payout-requested',
    );
    expect(requested!.body.data).toMatchObject({
      withdrawalId: first.body.id,
      amount: usd('1000'),
      payout: usd('1000'),
    });

    await payoutResult(first.body.id, 'COMPLETED');
    await eventually(async () => expect(await status(first.body.id)).toBe('COMPLETED'));
    expect(await balances(t, store)).toMatchObject({ available: '4600', payoutInTransit: '0' });
    // A redelivered result changes nothing.
    await payoutResult(first.body.id, 'COMPLETED');
    await payoutResult(first.body.id, 'FAILED', 'late duplicate');
    await new Promise((r) => setTimeout(r, 500));
    expect(await status(first.body.id)).toBe('COMPLETED');
    expect(await balances(t, store)).toMatchObject({ available: '4600', payoutInTransit: '0' });
  });

  it('SET-4: converted to CNY at a quoted treasury rate, rounded half-to-even with the difference stored; a failed payout reverses both entries', async () => {
    // The treasury publishes 7.125 CNY per USD on its topic.
    await kafka.send({
      topic: treasuryTopic,
      messages: [
        {
          key: 'USD/CNY',
          value: JSON.stringify({ from: 'USD', to: 'CNY', rate: '7.125', asOf: '2026-12-03T00:00:00Z' }),
        },
      ],
    });
    let quote: any;
    await eventually(async () => {
      quote = await t.http.post('/v1/settlement/fx-quotes', { storeId: store, from: 'USD' }, seller);
      expect(quote.status).toBe(201);
    });
    expect(quote.body).toMatchObject({ from: 'USD', to: 'CNY', rate: '7.125', usedBy: null });
    // 0.02 USD -> 14.25 fen -> 14 (half-to-even does not apply: below the half)
    const small = await withdraw({ storeId: store, amount: usd('2'), quoteId: quote.body.id }, 'wd-cny-1');
    expect(small.status).toBe(201);
    expect(small.body).toMatchObject({
      payout: { minor: '14', currency: 'CNY' },
      rate: '7.125',
      quoteId: quote.body.id,
      exactPayout: '14.25000',
      roundingDifference: '-0.25000',
    });
    expect(await balances(t, store, 'CNY')).toMatchObject({ payoutInTransit: '14' });
    expect(await balances(t, store)).toMatchObject({ available: '4598' });
    // The quote is used once.
    const reuse = await withdraw({ storeId: store, amount: usd('2'), quoteId: quote.body.id }, 'wd-cny-2');
    expect(reuse.status).toBe(422);
    expect(reuse.body.code).toBe('QUOTE_USED');

    await payoutResult(small.body.id, 'FAILED', 'beneficiary account closed');
    await eventually(async () => expect(await status(small.body.id)).toBe('FAILED'));
    expect(await balances(t, store)).toMatchObject({ available: '4600' });
    expect(await balances(t, store, 'CNY')).toMatchObject({ payoutInTransit: '0' });
    const entries = await t.http.get(`/v1/settlement/entries?storeId=${store}&limit=4`, seller);
    expect(entries.body.items.map((e: any) => [e.kind, e.currency])).toEqual([
      ['REVERSAL', 'USD'],
      ['REVERSAL', 'CNY'],
      ['FX_CONVERSION', 'CNY'],
      ['WITHDRAWAL', 'USD'],
    ]);
    expect(entries.body.items[0].reversesEntryId).toBe(entries.body.items[3].id);
  });

  it('SET-4: refused with a problem and no change: no key, more than available, unknown currency, fractional or negative units, expired or foreign quotes', async () => {
    const before = await balances(t, store);
    const noKey = await withdraw({ storeId: store, amount: usd('1') }, null);
    expectFieldProblem(noKey, 'idempotency-key');
    const tooMuch = await withdraw({ storeId: store, amount: usd('4601') }, 'wd-too-much');
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('INSUFFICIENT_AVAILABLE');
    expectFieldProblem(
      await withdraw({ storeId: store, amount: { minor: '1', currency: 'ABC' } }, 'wd-x1'),
      'amount.currency',
    );
    expectFieldProblem(await withdraw({ storeId: store, amount: usd('1.5') }, 'wd-x2'), 'amount.minor');
    expectFieldProblem(await withdraw({ storeId: store, amount: usd('-5') }, 'wd-x3'), 'amount.minor');
    expectFieldProblem(await withdraw({ storeId: store, amount: usd('0') }, 'wd-x4'), 'amount.minor');

    const operator = await t.operatorToken();
    await t.http.request('PUT', '/v1/settlement/fx-rates', {
      token: operator,
      body: { from: 'USD', to: 'CNY', rate: '7.2', asOf: '2026-12-03T09:00:00Z' },
    });
    const expiring = (await t.http.post('/v1/settlement/fx-quotes', { storeId: store, from: 'USD' }, seller))
      .body;
    expect(expiring.rate).toBe('7.2');
    await advanceTo(t, new Date(Date.parse(expiring.expiresAt)).toISOString());
    const expired = await withdraw(
      { storeId: store, amount: usd('100'), quoteId: expiring.id },
      'wd-expired',
    );
    expect(expired.status).toBe(422);
    expect(expired.headers.get('content-type')).toContain(PROBLEM);
    expect(expired.body.code).toBe('QUOTE_EXPIRED');

    const other = await t.sellerToken(['store-other']);
    const foreign = (
      await t.http.post('/v1/settlement/fx-quotes', { storeId: 'store-other', from: 'USD' }, other)
    ).body;
    const stolen = await withdraw({ storeId: store, amount: usd('100'), quoteId: foreign.id }, 'wd-foreign');
    expect(stolen.status).toBe(404);
    // Nor may a seller withdraw from a store outside the grant.
    expect((await withdraw({ storeId: store, amount: usd('1') }, 'wd-not-mine', other)).status).toBe(404);
    expect(await balances(t, store)).toEqual(before);
  });

  it("SET-4, API-3: an Idempotency-Key is its caller's own: another caller with the same key gets its own withdrawal", async () => {
    const before = BigInt((await balances(t, store)).available);
    const erp = await t.token({ kind: 'partner_app', id: 'erp-1', stores: [store] });
    const mine = await withdraw({ storeId: store, amount: usd('1') }, 'shared-key');
    const theirs = await withdraw({ storeId: store, amount: usd('1') }, 'shared-key', erp);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect((await withdraw({ storeId: store, amount: usd('1') }, 'shared-key', erp)).body.id).toBe(
      theirs.body.id,
    );
    expect(BigInt((await balances(t, store)).available)).toBe(before - 2n);
  });

  it('CMP-6: every payout event raised above left the outbox with exactly one audit record', async () => {
    const { unaudited, raised } = await auditedSettlementEvents(t);
    expect({ unaudited }).toEqual({ unaudited: [] });
    expect(raised).toEqual(
      expect.arrayContaining([
        SettlementEvents.PayoutRequested,
        SettlementEvents.PayoutCompleted,
        SettlementEvents.PayoutFailed,
      ]),
    );
  });
});
