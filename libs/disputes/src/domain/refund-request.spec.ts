import { DisputeEvents } from '../contract/events';
import { DEFAULT_DISPUTE_SCHEDULE, DEFAULT_REFUSAL_REASONS, type DisputePolicy } from './dispute-schedule';
import type { EvidenceRef } from './evidence';
import { type OpenRequestInput, RefundRequest } from './refund-request';

const policy: DisputePolicy = { ...DEFAULT_DISPUTE_SCHEDULE, refusalReasons: DEFAULT_REFUSAL_REASONS };
const at = (iso: string) => new Date(iso);
const photo: EvidenceRef = {
  sha256: 'a'.repeat(64),
  contentType: 'image/png',
  sizeBytes: 10,
  fileName: 'p.png',
};

function open(overrides: Partial<OpenRequestInput> = {}, now = at('2026-03-01T15:00:00Z')): RefundRequest {
  const request = RefundRequest.open(
    {
      marketplaceRequestId: 'rr-1',
      orderId: '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b',
      storeId: 'store-1',
      sellerId: 'seller-1',
      buyerId: 'buyer-1',
      currency: 'USD',
      kind: 'REFUND_ONLY',
      amountMinor: 2000n,
      reason: 'broken',
      evidence: [],
      refundableMinor: 5000n,
      ...overrides,
    },
    now,
    policy,
  );
  request.pullEvents();
  return request;
}

const types = (r: RefundRequest) => r.pullEvents().map((e) => e.type);
const dueOf = (r: RefundRequest, kind: string) => r.deadlines().find((d) => d.kind === kind)?.dueAt ?? null;

describe('RefundRequest', () => {
  it('DSP-1: the answer is due before 24:00 UTC of day 5 after the request date (Clarifications)', () => {
    const r = open();
    expect(r.responseDueAt.toISOString()).toBe('2026-03-07T00:00:00.000Z');
    expect(dueOf(r, 'disputes.response-due')?.toISOString()).toBe('2026-03-07T00:00:00.000Z');
    expect(dueOf(r, 'disputes.response-warn')?.toISOString()).toBe('2026-03-06T00:00:00.000Z');
    expect(r.issueStatus).toBe('OPEN');
  });

  it('DSP-1: a request made one second before midnight still gets day 5 of its own date', () => {
    expect(open({}, at('2026-03-01T23:59:59Z')).responseDueAt.toISOString()).toBe('2026-03-07T00:00:00.000Z');
    expect(open({}, at('2026-03-02T00:00:00Z')).responseDueAt.toISOString()).toBe('2026-03-08T00:00:00.000Z');
  });

  it('DSP-1: an amount above what is still refundable is refused', () => {
    expect(() => open({ amountMinor: 5001n })).toThrow(
      expect.objectContaining({ code: 'AMOUNT_EXCEEDS_REFUNDABLE' }),
    );
    expect(() => open({ amountMinor: 0n })).toThrow(expect.objectContaining({ field: 'amount.minor' }));
  });

  it('DSP-1: accepting a refund-only request agrees the full refund, posted through Settlement', () => {
    const r = open();
    r.answerAsSeller({ answer: 'ACCEPT' }, 'staff-1', at('2026-03-06T23:59:59Z'), policy);
    expect(r.status).toBe('REFUNDING');
    expect(r.pendingRefund()).toMatchObject({
      refundId: r.id,
      amountMinor: '2000',
      basis: 'SELLER_ACCEPTED',
    });
    expect(dueOf(r, 'disputes.post-refund')?.toISOString()).toBe('2026-03-06T23:59:59.000Z');
    expect(types(r)).toEqual([DisputeEvents.SellerAnswered, DisputeEvents.RefundAgreed]);
    r.refundPosted({ entryId: 'e-1', takenFrom: 'FROZEN' }, at('2026-03-06T23:59:59Z'));
    expect(r).toMatchObject({
      status: 'CLOSED',
      outcome: 'REFUNDED',
      refundedMinor: 2000n,
      issueStatus: 'CLOSED',
    });
    expect(types(r)).toEqual([
      DisputeEvents.RefundExecuted,
      DisputeEvents.RequestClosed,
      DisputeEvents.IssueStatusChanged,
    ]);
  });

  it('DSP-1: at the deadline an answer is refused; answering twice is refused', () => {
    const late = open();
    expect(() => late.answerAsSeller({ answer: 'ACCEPT' }, 's', at('2026-03-07T00:00:00Z'), policy)).toThrow(
      expect.objectContaining({ code: 'DEADLINE_PASSED' }),
    );
    const twice = open();
    twice.answerAsSeller(
      { answer: 'REFUSE', reason: 'ITEM_AS_DESCRIBED', evidence: [photo] },
      's',
      at('2026-03-02T00:00:00Z'),
      policy,
    );
    expect(() => twice.answerAsSeller({ answer: 'ACCEPT' }, 's', at('2026-03-02T00:00:01Z'), policy)).toThrow(
      expect.objectContaining({ code: 'REQUEST_NOT_AWAITING' }),
    );
  });

  it('DSP-1: a partial refund needs an amount below the requested one, a reason and evidence', () => {
    const now = at('2026-03-02T00:00:00Z');
    const partial = (amountMinor: bigint, evidence: EvidenceRef[], reason = 'lid only') =>
      open().answerAsSeller({ answer: 'PARTIAL', amountMinor, reason, evidence }, 's', now, policy);
    expect(() => partial(2000n, [photo])).toThrow(expect.objectContaining({ field: 'amount.minor' }));
    expect(() => partial(800n, [])).toThrow(expect.objectContaining({ field: 'evidence' }));
    expect(() => partial(800n, [photo], ' ')).toThrow(expect.objectContaining({ field: 'reason' }));
    const r = open();
    r.answerAsSeller(
      { answer: 'PARTIAL', amountMinor: 800n, reason: 'lid only', evidence: [photo] },
      's',
      now,
      policy,
    );
    expect(r.status).toBe('OFFERED');
    expect(r.buyerDueAt?.toISOString()).toBe('2026-03-08T00:00:00.000Z');
  });

  it("DSP-1: a refusal names one of the platform's reasons and carries evidence", () => {
    const now = at('2026-03-02T00:00:00Z');
    expect(() =>
      open().answerAsSeller(
        { answer: 'REFUSE', reason: 'I DO NOT LIKE IT', evidence: [photo] },
        's',
        now,
        policy,
      ),
    ).toThrow(expect.objectContaining({ code: 'REFUSAL_REASON_NOT_ALLOWED', field: 'reason' }));
    expect(() =>
      open().answerAsSeller(
        { answer: 'REFUSE', reason: 'ITEM_AS_DESCRIBED', evidence: [] },
        's',
        now,
        policy,
      ),
    ).toThrow(expect.objectContaining({ field: 'evidence' }));
  });

  it('DSP-2: no answer by the deadline accepts the full refund; REFUND_RESPONSE_DUE is raised before and cleared', () => {
    const r = open();
    r.warnResponseDue(at('2026-03-06T00:00:00Z'));
    expect(r.openFlags).toEqual(['REFUND_RESPONSE_DUE']);
    expect(dueOf(r, 'disputes.response-warn')).toBeNull();
    expect(types(r)).toEqual([DisputeEvents.RiskFlagRaised]);
    r.lapseResponse(at('2026-03-06T23:59:59Z'), policy);
    expect(r.status).toBe('AWAITING_SELLER');
    r.lapseResponse(at('2026-03-07T00:00:00Z'), policy);
    expect(r.status).toBe('REFUNDING');
    expect(r.answer).toMatchObject({ automatic: true, answer: 'ACCEPT' });
    expect(r.pendingRefund()).toMatchObject({ amountMinor: '2000', basis: 'AUTO_ACCEPTED' });
    expect(r.openFlags).toEqual([]);
    expect(types(r)).toContain(DisputeEvents.RiskFlagCleared);
    expect(() => r.answerAsSeller({ answer: 'ACCEPT' }, 's', at('2026-03-07T00:00:01Z'), policy)).toThrow(
      expect.objectContaining({ code: 'DEADLINE_PASSED' }),
    );
  });

  it('DSP-3: an accepted return waits for the parcel; its delivery starts 48 elapsed hours of inspection', () => {
    const r = open({ kind: 'RETURN_AND_REFUND' });
    r.answerAsSeller({ answer: 'ACCEPT' }, 's', at('2026-03-02T00:00:00Z'), policy);
    expect(r.status).toBe('AWAITING_RETURN');
    r.shipReturn('CAINIAO', 'LP1', at('2026-03-03T00:00:00Z'), policy);
    r.shipReturn('CAINIAO', 'LP1', at('2026-03-03T00:00:01Z'), policy);
    expect(r.status).toBe('RETURN_IN_TRANSIT');
    r.pullEvents();
    expect(r.deliverReturn(at('2026-03-05T13:30:00Z'), at('2026-03-05T14:00:00Z'), policy)).toBe(true);
    expect(r.inspectionDueAt?.toISOString()).toBe('2026-03-07T13:30:00.000Z');
    expect(dueOf(r, 'disputes.inspection-warn')?.toISOString()).toBe('2026-03-07T01:30:00.000Z');
    const issue = r.pullEvents().find((e) => e.type === DisputeEvents.IssueStatusChanged);
    expect(issue?.payload).toMatchObject({ to: 'OPEN', sellerExaminesAmount: true });
    r.lapseInspection(at('2026-03-07T13:29:59Z'));
    expect(r.status).toBe('INSPECTING');
    r.lapseInspection(at('2026-03-07T13:30:00Z'));
    expect(r.pendingRefund()).toMatchObject({ amountMinor: '2000', basis: 'INSPECTION_LAPSED' });
  });

  it('DSP-3: the seller confirms a partial refund with evidence, or contests the goods into arbitration', () => {
    const inspecting = () => {
      const r = open({ kind: 'RETURN_AND_REFUND' });
      r.answerAsSeller({ answer: 'ACCEPT' }, 's', at('2026-03-02T00:00:00Z'), policy);
      r.shipReturn('CAINIAO', 'LP1', at('2026-03-03T00:00:00Z'), policy);
      r.deliverReturn(at('2026-03-05T00:00:00Z'), at('2026-03-05T00:00:00Z'), policy);
      return r;
    };
    const partial = inspecting();
    expect(() =>
      partial.inspect(
        { decision: 'PARTIAL', amountMinor: 500n, reason: 'scratched', evidence: [] },
        's',
        at('2026-03-06T00:00:00Z'),
      ),
    ).toThrow(expect.objectContaining({ field: 'evidence' }));
    partial.inspect(
      { decision: 'PARTIAL', amountMinor: 500n, reason: 'scratched', evidence: [photo] },
      's',
      at('2026-03-06T00:00:00Z'),
    );
    expect(partial.pendingRefund()).toMatchObject({ amountMinor: '500', basis: 'INSPECTION_CONFIRMED' });
    const contested = inspecting();
    contested.inspect(
      { decision: 'CONTEST', reason: 'returned item is not ours', evidence: [photo] },
      's',
      at('2026-03-06T00:00:00Z'),
    );
    expect(contested).toMatchObject({ status: 'ESCALATED', issueStatus: 'ESCALATED' });
    expect(() => inspecting().inspect({ decision: 'FULL' }, 's', at('2026-03-07T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'DEADLINE_PASSED' }),
    );
  });

  it('DSP-4: a refusal is escalated by the buyer and an operator decides a partial refund', () => {
    const r = open();
    r.answerAsSeller(
      { answer: 'REFUSE', reason: 'ITEM_AS_DESCRIBED', evidence: [photo] },
      's',
      at('2026-03-02T00:00:00Z'),
      policy,
    );
    expect(() => r.arbitrate('FULL', null, 'x', 'op', at('2026-03-02T01:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'REQUEST_NOT_AWAITING' }),
    );
    r.escalate('BUYER', 'the item is broken', at('2026-03-03T00:00:00Z'));
    expect(r).toMatchObject({ status: 'ESCALATED', issueStatus: 'ESCALATED' });
    r.arbitrate('PARTIAL', 1200n, 'photos show a cracked lid', 'op-1', at('2026-03-04T00:00:00Z'));
    expect(r.arbitration).toMatchObject({ decision: 'PARTIAL', amountMinor: '1200', decidedBy: 'op-1' });
    r.refundPosted({ entryId: null, takenFrom: 'FROZEN' }, at('2026-03-04T00:00:00Z'));
    expect(r).toMatchObject({ status: 'CLOSED', outcome: 'PARTIALLY_REFUNDED', refundedMinor: 1200n });
    expect(() => r.escalate('SELLER', 'again', at('2026-03-04T00:00:01Z'))).toThrow(
      expect.objectContaining({ code: 'REQUEST_CLOSED' }),
    );
  });

  it('DSP-4: arbitration deciding no refund closes the request without one', () => {
    const r = open();
    r.answerAsSeller(
      { answer: 'PARTIAL', amountMinor: 500n, reason: 'lid', evidence: [photo] },
      's',
      at('2026-03-02T00:00:00Z'),
      policy,
    );
    r.answerOffer('DECLINE', at('2026-03-03T00:00:00Z'));
    expect(r.status).toBe('ESCALATED');
    r.arbitrate('NONE', null, 'the buyer damaged it', 'op-1', at('2026-03-04T00:00:00Z'));
    expect(r).toMatchObject({ status: 'CLOSED', outcome: 'NOT_REFUNDED', refund: null });
  });

  it("DSP-4: the buyer's silence accepts an offer and lets a refusal stand", () => {
    const offered = open();
    offered.answerAsSeller(
      { answer: 'PARTIAL', amountMinor: 500n, reason: 'lid', evidence: [photo] },
      's',
      at('2026-03-02T00:00:00Z'),
      policy,
    );
    offered.lapseBuyer(at('2026-03-08T00:00:00Z'));
    expect(offered.pendingRefund()).toMatchObject({ amountMinor: '500', basis: 'OFFER_UNANSWERED' });
    const refused = open();
    refused.answerAsSeller(
      { answer: 'REFUSE', reason: 'ITEM_AS_DESCRIBED', evidence: [photo] },
      's',
      at('2026-03-02T00:00:00Z'),
      policy,
    );
    refused.lapseBuyer(at('2026-03-08T00:00:00Z'));
    expect(refused).toMatchObject({ status: 'CLOSED', outcome: 'NOT_REFUNDED' });
  });

  it('SET-5: a refund Settlement refuses goes to an operator instead of being retried for ever', () => {
    const r = open();
    r.answerAsSeller({ answer: 'ACCEPT' }, 's', at('2026-03-02T00:00:00Z'), policy);
    r.refundRefused('REFUND_EXCEEDS_REFUNDABLE: only 0 left', at('2026-03-02T00:00:01Z'));
    expect(r).toMatchObject({ status: 'ESCALATED', refund: null, escalation: { by: 'SYSTEM' } });
  });
  it('DSP-3: a delivery scan timed before the shipment or in the future counts from the nearer bound', () => {
    const inTransit = () => {
      const r = open({ kind: 'RETURN_AND_REFUND' });
      r.answerAsSeller({ answer: 'ACCEPT' }, 's', at('2026-03-02T00:00:00Z'), policy);
      r.shipReturn('CAINIAO', 'LP1', at('2026-03-03T00:00:00Z'), policy);
      return r;
    };
    const early = inTransit();
    early.deliverReturn(at('2026-01-01T00:00:00Z'), at('2026-03-05T00:00:00Z'), policy);
    expect(early.inspectionDueAt?.toISOString()).toBe('2026-03-05T00:00:00.000Z');
    const future = inTransit();
    future.deliverReturn(at('2099-01-01T00:00:00Z'), at('2026-03-05T00:00:00Z'), policy);
    expect(future.inspectionDueAt?.toISOString()).toBe('2026-03-07T00:00:00.000Z');
  });

  it('DSP-3: a return that never reaches the seller goes to an operator at the end of its transit days', () => {
    const r = open({ kind: 'RETURN_AND_REFUND' });
    r.answerAsSeller({ answer: 'ACCEPT' }, 's', at('2026-03-02T00:00:00Z'), policy);
    r.shipReturn('CAINIAO', 'LP1', at('2026-03-03T10:00:00Z'), policy);
    expect(dueOf(r, 'disputes.buyer-due')?.toISOString()).toBe('2026-04-03T00:00:00.000Z');
    r.lapseBuyer(at('2026-04-03T00:00:00Z'));
    expect(r).toMatchObject({ status: 'ESCALATED', issueStatus: 'ESCALATED', escalation: { by: 'SYSTEM' } });
  });

  it('SET-5: a refund Settlement cannot answer now is tried again later, backing off, then handed to an operator', () => {
    const r = open();
    r.answerAsSeller({ answer: 'ACCEPT' }, 's', at('2026-03-02T00:00:00Z'), policy);
    r.refundDeferred('SETTLEMENT_UNAVAILABLE', at('2026-03-02T00:00:00Z'), 3);
    expect(r.status).toBe('REFUNDING');
    expect(dueOf(r, 'disputes.post-refund')?.toISOString()).toBe('2026-03-02T00:00:02.000Z');
    r.refundDeferred('SETTLEMENT_UNAVAILABLE', at('2026-03-02T00:00:02Z'), 3);
    expect(dueOf(r, 'disputes.post-refund')?.toISOString()).toBe('2026-03-02T00:00:06.000Z');
    r.refundDeferred('SETTLEMENT_UNAVAILABLE', at('2026-03-02T00:00:06Z'), 3);
    expect(r).toMatchObject({ status: 'ESCALATED', escalation: { by: 'SYSTEM' }, refund: null });
    expect(dueOf(r, 'disputes.post-refund')).toBeNull();
  });
});
