import type { EventCatalogue } from '@tradehub/kernel';
import {
  type FundsFrozenV1,
  type FundsReleasedV1,
  type FundStatusChangedV1,
  type HoldDecidedV1,
  type PayoutCompletedV1,
  type PayoutFailedV1,
  type PayoutRequestedV1,
  type RefundPostedV1,
  type ReviewHeldV1,
  type ReviewPassedV1,
  type ReviewStartedV1,
  SettlementEvents,
  type SettlementEventType,
} from './events';

const order = { orderId: '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b', storeId: 'store-es-01' };
const usd = (minor: string) => ({ minor, currency: 'USD' });
const withdrawalId = '019a2b60-5555-7666-8777-888899990000';

/** Every integration event of the Settlement context: payload interface, summary and example (docs/asyncapi.json). */
export const SETTLEMENT_EVENT_CATALOGUE: EventCatalogue<SettlementEventType> = {
  [SettlementEvents.FundsFrozen]: {
    type: SettlementEvents.FundsFrozen,
    payload: 'FundsFrozenV1',
    summary:
      "SET-1: the delivered order's proceeds (total less commission) are frozen on the store's account.",
    example: {
      ...order,
      entryId: '019a2b61-0000-7000-8000-000000000001',
      total: usd('12990'),
      commission: usd('1039'),
      proceeds: usd('11951'),
      deliveredAt: '2026-03-01T23:59:59.000Z',
      reviewAt: '2026-03-06T00:00:00.000Z',
      releaseAt: '2026-03-08T10:00:00.000Z',
    } satisfies FundsFrozenV1,
  },
  [SettlementEvents.ReviewStarted]: {
    type: SettlementEvents.ReviewStarted,
    payload: 'ReviewStartedV1',
    summary: 'SET-2: the risk review started at 00:00 UTC of day 5 after the delivery date.',
    example: { ...order, startedAt: '2026-03-06T00:00:00.000Z' } satisfies ReviewStartedV1,
  },
  [SettlementEvents.ReviewPassed]: {
    type: SettlementEvents.ReviewPassed,
    payload: 'ReviewPassedV1',
    summary: 'SET-2, SET-3: no automatic check held the money; it is released at 10:00 UTC of day 7.',
    example: { ...order, releaseAt: '2026-03-08T10:00:00.000Z' } satisfies ReviewPassedV1,
  },
  [SettlementEvents.ReviewHeld]: {
    type: SettlementEvents.ReviewHeld,
    payload: 'ReviewHeldV1',
    summary: 'SET-2, SET-3: an automatic check held the money frozen until an operator decides.',
    example: {
      ...order,
      reasons: ['FAKE_SHIPMENT_CONFIRMED'],
      heldAt: '2026-03-06T00:00:00.000Z',
    } satisfies ReviewHeldV1,
  },
  [SettlementEvents.HoldDecided]: {
    type: SettlementEvents.HoldDecided,
    payload: 'HoldDecidedV1',
    summary: 'SET-3: an operator released a held review or kept holding it, with a reason (audited).',
    example: {
      ...order,
      decision: 'RELEASE',
      reason: 'case reviewed, shipment genuine',
      decidedBy: 'risk-officer-7',
      decidedAt: '2026-03-09T08:00:00.000Z',
    } satisfies HoldDecidedV1,
  },
  [SettlementEvents.FundsReleased]: {
    type: SettlementEvents.FundsReleased,
    payload: 'FundsReleasedV1',
    summary: "SET-3, SET-7: the proceeds moved from frozen to the store's available balance.",
    example: {
      ...order,
      entryId: '019a2b61-0000-7000-8000-000000000002',
      amount: usd('11951'),
      deliveredAt: '2026-03-01T23:59:59.000Z',
      releasedAt: '2026-03-08T10:00:00.000Z',
      payoutCycleSeconds: 554401,
    } satisfies FundsReleasedV1,
  },
  [SettlementEvents.RefundPosted]: {
    type: SettlementEvents.RefundPosted,
    payload: 'RefundPostedV1',
    summary: 'SET-5: a refund came out of frozen funds (before release) or the available balance (after).',
    example: {
      ...order,
      refundId: 'rf-778899',
      entryId: '019a2b61-0000-7000-8000-000000000003',
      amount: usd('2000'),
      commissionReturned: usd('159'),
      takenFrom: 'FROZEN',
      postedAt: '2026-03-04T12:00:00.000Z',
    } satisfies RefundPostedV1,
  },
  [SettlementEvents.FundStatusChanged]: {
    type: SettlementEvents.FundStatusChanged,
    payload: 'FundStatusChangedV1',
    summary: "ORD-7: the order's fund status moved (NOT_DUE, FROZEN, IN_REVIEW, HELD, RELEASED).",
    example: {
      ...order,
      from: 'FROZEN',
      to: 'IN_REVIEW',
      at: '2026-03-06T00:00:00.000Z',
    } satisfies FundStatusChangedV1,
  },
  [SettlementEvents.PayoutRequested]: {
    type: SettlementEvents.PayoutRequested,
    payload: 'PayoutRequestedV1',
    summary:
      'SET-4: a withdrawal from the available balance, in its currency or converted to CNY at a quote.',
    example: {
      withdrawalId,
      storeId: order.storeId,
      amount: usd('10000'),
      payout: { minor: '71234', currency: 'CNY' },
      rate: '7.1234',
      quoteId: '019a2b62-0000-7000-8000-000000000004',
      requestedAt: '2026-03-09T09:00:00.000Z',
    } satisfies PayoutRequestedV1,
  },
  [SettlementEvents.PayoutCompleted]: {
    type: SettlementEvents.PayoutCompleted,
    payload: 'PayoutCompletedV1',
    summary: 'SET-4: the payments team paid the withdrawal out.',
    example: {
      withdrawalId,
      storeId: order.storeId,
      payout: { minor: '71234', currency: 'CNY' },
      completedAt: '2026-03-10T09:00:00.000Z',
    } satisfies PayoutCompletedV1,
  },
  [SettlementEvents.PayoutFailed]: {
    type: SettlementEvents.PayoutFailed,
    payload: 'PayoutFailedV1',
    summary: 'SET-4: the payout failed; its entries were reversed and the amount is available again.',
    example: {
      withdrawalId,
      storeId: order.storeId,
      amount: usd('10000'),
      reason: 'beneficiary account closed',
      failedAt: '2026-03-10T09:00:00.000Z',
    } satisfies PayoutFailedV1,
  },
};
