import { ComplianceEvents } from '../../contract/events';
import type { PenaltyPolicy } from '../penalties.config';
import type { ConfirmedFakeShipment } from './penalty-case';
import { SellerAccount } from './seller-account';

const policy: PenaltyPolicy = { pointsPerCase: 6, casesToClose: 2 };
const now = new Date('2026-11-27T08:00:00.000Z');
const later = new Date('2026-11-28T09:30:00.000Z');

let serial = 0;
const confirmed = (overrides: Partial<ConfirmedFakeShipment> = {}): ConfirmedFakeShipment => {
  serial += 1;
  return {
    storeId: 'store-a',
    orderId: `019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a${String(serial).padStart(2, '0')}`,
    packageId: `pkg-${serial}`,
    taskId: `task-${serial}`,
    reason: 'waybill forged',
    confirmedBy: 'ops-1',
    confirmedAt: now,
    ...overrides,
  };
};
const types = (account: SellerAccount) => account.pullEvents().map((e) => e.type);

describe('SellerAccount', () => {
  it('CMP-4: the first confirmed case costs 6 points and leaves the account open', () => {
    const account = SellerAccount.open('seller-1', now);
    const recorded = account.recordCase(confirmed(), now, policy, ['store-a', 'store-b']);
    expect(recorded).toMatchObject({ points: 6, reversedAt: null, appeals: [] });
    expect(account).toMatchObject({ points: 6, countedCases: 1, closed: false, closedAt: null });
    const [event] = account.pullEvents();
    expect(event).toMatchObject({
      type: ComplianceEvents.PenaltyCaseRecorded,
      context: 'compliance',
      aggregateId: 'seller-1',
      payload: { sellerId: 'seller-1', points: 6, totalPoints: 6, countedCases: 1, reference: 'task-1' },
    });
    expect(account.storeId).toBe('store-a');
  });

  it("CMP-4: the second confirmed case closes the account, naming every store of the seller's", () => {
    const account = SellerAccount.open('seller-1', now);
    account.recordCase(confirmed(), now, policy, ['store-a']);
    // What the save path takes after each transaction.
    account.pullEvents();
    expect(account.pullAction()).toBe('seller-account.penalty-case-recorded');
    account.recordCase(confirmed({ storeId: 'store-b' }), later, policy, ['store-a']);
    expect(account).toMatchObject({ points: 12, countedCases: 2, closed: true, closedAt: later });
    const events = account.pullEvents();
    expect(events.map((e) => e.type)).toEqual([
      ComplianceEvents.PenaltyCaseRecorded,
      ComplianceEvents.SellerAccountStatusChanged,
    ]);
    expect(events[1].payload).toMatchObject({
      sellerId: 'seller-1',
      closed: true,
      storeIds: ['store-a', 'store-b'],
      changedAt: later.toISOString(),
    });
    expect(account.pullAction()).toBe('seller-account.closed');
  });

  it('CMP-4: a third case on a closed account counts, and changes no status', () => {
    const account = SellerAccount.open('seller-1', now);
    account.recordCase(confirmed(), now, policy, []);
    account.recordCase(confirmed(), now, policy, []);
    account.pullEvents();
    account.recordCase(confirmed(), later, policy, []);
    expect(account).toMatchObject({ points: 18, countedCases: 3, closed: true, closedAt: now });
    expect(types(account)).toEqual([ComplianceEvents.PenaltyCaseRecorded]);
  });

  it('CMP-4: the same task or the same package again records nothing', () => {
    const account = SellerAccount.open('seller-1', now);
    const first = confirmed();
    account.recordCase(first, now, policy, []);
    account.pullEvents();
    expect(account.recordCase({ ...first }, later, policy, [])).toBeNull();
    expect(account.recordCase(confirmed({ packageId: first.packageId }), later, policy, [])).toBeNull();
    expect(account.recordCase(confirmed({ taskId: first.taskId }), later, policy, [])).toBeNull();
    expect(account).toMatchObject({ points: 6, countedCases: 1, cases: [expect.any(Object)] });
    expect(types(account)).toEqual([]);
  });

  it('CMP-4: a reversal is a reversing entry: the case stays, its points and count drop, and the account reopens below the bar', () => {
    const account = SellerAccount.open('seller-1', now);
    const first = account.recordCase(confirmed(), now, policy, ['store-a'])!;
    account.recordCase(confirmed(), now, policy, ['store-a']);
    account.pullEvents();
    account.pullAction();
    const reversed = account.appeal(
      first.caseId,
      { outcome: 'REVERSED', reason: ' carrier scan found ', decidedBy: 'ops-2' },
      later,
      policy,
      ['store-a'],
    );
    expect(reversed).toMatchObject({
      reversedAt: later,
      reversedBy: 'ops-2',
      reversalReason: 'carrier scan found',
      appeals: [{ outcome: 'REVERSED', decidedBy: 'ops-2', decidedAt: later }],
    });
    expect(account).toMatchObject({ points: 6, countedCases: 1, closed: false, closedAt: null });
    expect(account.cases).toHaveLength(2);
    const events = account.pullEvents();
    expect(events.map((e) => e.type)).toEqual([
      ComplianceEvents.PenaltyCaseReversed,
      ComplianceEvents.SellerAccountStatusChanged,
    ]);
    expect(events[0].payload).toMatchObject({
      caseId: first.caseId,
      points: 6,
      totalPoints: 6,
      countedCases: 1,
    });
    expect(events[1].payload).toMatchObject({ closed: false, storeIds: ['store-a'] });
    expect(account.pullAction()).toBe('seller-account.reopened');
  });

  it('CMP-4: a reversed case takes no second decision; UPHELD is recorded and changes nothing else', () => {
    const account = SellerAccount.open('seller-1', now);
    const first = account.recordCase(confirmed(), now, policy, [])!;
    account.pullEvents();
    account.appeal(
      first.caseId,
      { outcome: 'UPHELD', reason: 'track forged', decidedBy: 'ops-2' },
      now,
      policy,
      [],
    );
    expect(account).toMatchObject({ points: 6, countedCases: 1 });
    expect(types(account)).toEqual([]);
    expect(account.caseOf(first.caseId)!.appeals).toEqual([
      { outcome: 'UPHELD', reason: 'track forged', decidedBy: 'ops-2', decidedAt: now },
    ]);
    account.appeal(
      first.caseId,
      { outcome: 'REVERSED', reason: 'new proof', decidedBy: 'ops-3' },
      later,
      policy,
      [],
    );
    for (const outcome of ['REVERSED', 'UPHELD'] as const)
      expect(() =>
        account.appeal(first.caseId, { outcome, reason: 'again', decidedBy: 'ops-3' }, later, policy, []),
      ).toThrow(expect.objectContaining({ code: 'PENALTY_CASE_ALREADY_REVERSED', kind: 'conflict' }));
    expect(account).toMatchObject({ points: 0, countedCases: 0 });
  });

  it('CMP-4: an appeal needs a known case, a known outcome and a reason', () => {
    const account = SellerAccount.open('seller-1', now);
    const first = account.recordCase(confirmed(), now, policy, [])!;
    expect(() =>
      account.appeal('nope', { outcome: 'UPHELD', reason: 'x', decidedBy: 'o' }, now, policy, []),
    ).toThrow(expect.objectContaining({ code: 'PENALTY_CASE_NOT_FOUND' }));
    expect(() =>
      account.appeal(
        first.caseId,
        { outcome: 'MAYBE' as never, reason: 'x', decidedBy: 'o' },
        now,
        policy,
        [],
      ),
    ).toThrow(expect.objectContaining({ field: 'outcome' }));
    expect(() =>
      account.appeal(first.caseId, { outcome: 'UPHELD', reason: '   ', decidedBy: 'o' }, now, policy, []),
    ).toThrow(expect.objectContaining({ field: 'reason' }));
  });

  it('CMP-4: the bar and the points are configuration', () => {
    const strict = { pointsPerCase: 12, casesToClose: 1 };
    const account = SellerAccount.open('seller-1', now);
    account.recordCase(confirmed(), now, strict, []);
    expect(account).toMatchObject({ points: 12, countedCases: 1, closed: true });
  });
});
