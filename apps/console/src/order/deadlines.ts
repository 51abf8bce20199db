import { isAwaiting } from '../orders/tabs';
import type { OrderMessages } from './messages';
import type { OrderDetail, RefundRequest, SettlementOrder } from './types';

export interface Deadline {
  key: string;
  label: string;
  at: string;
  /** What it guards is still pending: the page counts down to it. */
  running: boolean;
  /** Instants that belong with it (a warning raised, a late shipment flagged). */
  notes: { label: string; at: string }[];
}

/** The buyer's side is due while the seller's offer, refusal or return waits on them (DSP-1, DSP-3). */
const BUYER_TURN = ['OFFERED', 'REFUSED', 'AWAITING_RETURN'];

/**
 * Every deadline of the order the API states: shipping (ORD-2/3, CMP-5), settlement (SET-2/3) once
 * the order is in settlement, and each refund request's (DSP-1, DSP-3).
 */
export function orderDeadlines(
  order: OrderDetail,
  settlement: SettlementOrder | undefined,
  requests: RefundRequest[] | undefined,
  m: OrderMessages,
): Deadline[] {
  const { shipBy, shipWarningAt, shipWarnedAt, lateFlaggedAt } = order.deadlines;
  const awaiting = isAwaiting(order.status);
  const list: Deadline[] = [
    {
      key: 'shipBy',
      label: m.shipBy,
      at: shipBy,
      running: awaiting,
      notes: lateFlaggedAt ? [{ label: m.lateFlaggedAt, at: lateFlaggedAt }] : [],
    },
  ];
  if (shipWarningAt)
    list.push({
      key: 'shipWarning',
      label: m.shipWarning,
      at: shipWarningAt,
      running: awaiting && !shipWarnedAt,
      notes: shipWarnedAt ? [{ label: m.warnedAt, at: shipWarnedAt }] : [],
    });
  if (settlement?.reviewAt)
    list.push({
      key: 'review',
      label: m.settlementReview,
      at: settlement.reviewAt,
      running: settlement.fundStatus === 'FROZEN',
      notes: settlement.reviewedAt ? [{ label: m.reviewedAt, at: settlement.reviewedAt }] : [],
    });
  if (settlement?.releaseAt)
    list.push({
      key: 'release',
      label: m.fundsRelease,
      at: settlement.releaseAt,
      running: settlement.fundStatus === 'FROZEN' || settlement.fundStatus === 'IN_REVIEW',
      notes: settlement.releasedAt ? [{ label: m.releasedAt, at: settlement.releasedAt }] : [],
    });
  for (const request of requests ?? []) {
    const name = request.marketplaceRequestId;
    list.push({
      key: `answer-${request.id}`,
      label: m.answerDue(name),
      at: request.responseDueAt,
      running: request.status === 'AWAITING_SELLER',
      notes: [],
    });
    if (request.buyerDueAt)
      list.push({
        key: `buyer-${request.id}`,
        label: m.buyerDue(name),
        at: request.buyerDueAt,
        running: BUYER_TURN.includes(request.status),
        notes: [],
      });
    if (request.inspectionDueAt)
      list.push({
        key: `inspection-${request.id}`,
        label: m.inspectionDue(name),
        at: request.inspectionDueAt,
        running: request.status === 'INSPECTING',
        notes: [],
      });
  }
  return list;
}
