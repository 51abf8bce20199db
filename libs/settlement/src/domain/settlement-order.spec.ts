import { Money } from '@tradehub/kernel';
import { SettlementEvents } from '../contract/events';
import { NO_SIGNALS } from './hold-policy';
import type { EntryDraft } from './ledger';
import { SettlementOrder } from './settlement-order';
import { DEFAULT_SCHEDULE } from './settlement-schedule';

const at = (iso: string) => new Date(iso);
const delivered = at('2026-03-01T23:59:59Z');
const terms = { orderId: 'o-1', storeId: 's-1', sellerId: 'seller-1', total: Money.of(10_000n, 'USD') };

function legs(draft: EntryDraft | null): Record<string, bigint> {
  return Object.fromEntries(
    (draft?.legs ?? []).map((l) => [`${l.storeId ?? 'platform'}:${l.kind}`, l.amount]),
  );
}

function frozenOrder(bps = 800): SettlementOrder {
  const order = SettlementOrder.open(terms, bps);
  order.freeze(delivered, delivered, DEFAULT_SCHEDULE);
  order.pullEvents();
  return order;
}

describe('SettlementOrder', () => {
  it('SET-1: delivery freezes the total less commission, balanced against clearing and commission revenue', () => {
    const order = SettlementOrder.open(terms, 800);
    const draft = order.freeze(delivered, delivered, DEFAULT_SCHEDULE);
    expect(legs(draft)).toEqual({
      's-1:FROZEN': 9_200n,
      'platform:COMMISSION_REVENUE': 800n,
      'platform:CLEARING': -10_000n,
    });
    expect(draft!.key).toBe('freeze:o-1');
    expect(order.fundStatus).toBe('FROZEN');
    expect(order.reviewAt).toEqual(at('2026-03-06T00:00:00Z'));
    expect(order.releaseAt).toEqual(at('2026-03-08T10:00:00Z'));
    expect(order.freeze(delivered, delivered, DEFAULT_SCHEDULE)).toBeNull();
  });

  it('SET-2: the review passes without signals, and holds with every reason stored', () => {
    const passing = frozenOrder();
    passing.startReview(at('2026-03-06T00:00:00Z'), NO_SIGNALS);
    expect(passing.fundStatus).toBe('IN_REVIEW');
    expect(passing.pullEvents().map((e) => e.type)).toContain(SettlementEvents.ReviewPassed);

    const held = frozenOrder();
    held.startReview(at('2026-03-06T00:00:00Z'), {
      ...NO_SIGNALS,
      fakeShipmentConfirmed: true,
      openIssue: true,
    });
    expect(held.fundStatus).toBe('HELD');
    expect(held.holdReasons).toEqual(['OPEN_REFUND_OR_DISPUTE', 'FAKE_SHIPMENT_CONFIRMED']);
  });

  it('SET-3: a passed review releases frozen to available at day 7; SET-7 records the payout cycle', () => {
    const order = frozenOrder();
    order.startReview(at('2026-03-06T00:00:00Z'), NO_SIGNALS);
    const draft = order.releaseWhenDue(at('2026-03-08T10:00:00Z'), NO_SIGNALS);
    expect(legs(draft)).toEqual({ 's-1:FROZEN': -9_200n, 's-1:AVAILABLE': 9_200n });
    expect(order.fundStatus).toBe('RELEASED');
    expect(order.payoutCycleSeconds).toBe(6 * 86_400 + 10 * 3600 + 1);
  });

  it('SET-3: an operator releasing a hold after day 7 releases at once; before day 7 at day 7; a closed review refuses a second decision', () => {
    const late = frozenOrder();
    late.startReview(at('2026-03-06T00:00:00Z'), { ...NO_SIGNALS, openIssue: true });
    expect(
      late.decide('KEEP_HOLDING', 'waiting for the dispute', 'op-1', at('2026-03-07T00:00:00Z')),
    ).toBeNull();
    expect(late.fundStatus).toBe('HELD');
    const draft = late.decide('RELEASE', 'dispute closed', 'op-1', at('2026-03-09T00:00:00Z'));
    expect(legs(draft)['s-1:AVAILABLE']).toBe(9_200n);
    expect(late.fundStatus).toBe('RELEASED');
    expect(() => late.decide('RELEASE', 'again', 'op-1', at('2026-03-09T00:00:01Z'))).toThrow(/not held/);

    const early = frozenOrder();
    early.startReview(at('2026-03-06T00:00:00Z'), { ...NO_SIGNALS, openIssue: true });
    expect(early.decide('RELEASE', 'fine', 'op-1', at('2026-03-06T12:00:00Z'))).toBeNull();
    expect(early.fundStatus).toBe('IN_REVIEW');
    expect(early.deadlines().find((d) => d.dueAt)?.dueAt).toEqual(at('2026-03-08T10:00:00Z'));
  });

  it('SET-5: a refund before release comes out of frozen funds, after release out of available, which may go negative', () => {
    const before = frozenOrder();
    const { draft } = before.refund('r-1', Money.of(2_500n, 'USD'), at('2026-03-03T00:00:00Z'));
    expect(legs(draft)).toEqual({
      's-1:FROZEN': -2_300n,
      'platform:COMMISSION_REVENUE': -200n,
      'platform:CLEARING': 2_500n,
    });
    expect(before.frozenMinor).toBe(6_900n);

    const after = frozenOrder();
    after.startReview(at('2026-03-06T00:00:00Z'), NO_SIGNALS);
    after.releaseWhenDue(at('2026-03-08T10:00:00Z'), NO_SIGNALS);
    const refund = after.refund('r-2', Money.of(10_000n, 'USD'), at('2026-03-09T00:00:00Z'));
    expect(legs(refund.draft)['s-1:AVAILABLE']).toBe(-9_200n);
    expect(refund.record.takenFrom).toBe('AVAILABLE');
  });

  it('SET-5: refunds never exceed the order total, and a repeat of the same refund id posts nothing', () => {
    const order = frozenOrder();
    const first = order.refund('r-1', Money.of(4_000n, 'USD'), at('2026-03-03T00:00:00Z'));
    expect(order.refund('r-1', Money.of(4_000n, 'USD'), at('2026-03-03T00:00:01Z'))).toEqual({
      record: first.record,
      draft: null,
    });
    expect(() => order.refund('r-1', Money.of(1n, 'USD'), at('2026-03-03T00:00:01Z'))).toThrow(
      /another amount/,
    );
    expect(() => order.refund('r-2', Money.of(6_001n, 'USD'), at('2026-03-03T00:00:01Z'))).toThrow(
      /still refundable/,
    );
    expect(() => order.refund('r-3', Money.of(1n, 'EUR'), at('2026-03-03T00:00:01Z'))).toThrow(
      /settled in USD/,
    );
  });

  it('SET-5: partial refunds give the commission back on the running total, so frozen never goes below zero', () => {
    const order = SettlementOrder.open({ ...terms, total: Money.of(999n, 'USD') }, 1_234);
    order.freeze(delivered, delivered, DEFAULT_SCHEDULE);
    for (let i = 0; i < 999; i++) order.refund(`r-${i}`, Money.of(1n, 'USD'), delivered);
    expect(order.frozenMinor).toBe(0n);
    expect(order.commissionRefundedMinor).toBe(order.commissionMinor);
  });

  it('SET-1, SET-5: a refund before delivery shrinks what is frozen at delivery', () => {
    const order = SettlementOrder.open(terms, 0);
    const { draft, record } = order.refund('r-1', Money.of(3_000n, 'USD'), at('2026-02-27T00:00:00Z'));
    expect(draft).toBeNull();
    expect(record.takenFrom).toBe('NOT_FROZEN_YET');
    expect(legs(order.freeze(delivered, delivered, DEFAULT_SCHEDULE))).toEqual({
      's-1:FROZEN': 7_000n,
      'platform:CLEARING': -7_000n,
    });
  });
});
