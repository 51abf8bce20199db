import { addMs, HOUR_MS } from '@tradehub/kernel';
import { FulfillmentPolicy } from './fulfillment-config';

/** FUL-3: the first tracking update after pickup (揽收) is due this many hours after it. */
export function firstScanDeadline(pickedUpAt: Date, policy: Pick<FulfillmentPolicy, 'firstScanHours'>): Date {
  return addMs(pickedUpAt, policy.firstScanHours * HOUR_MS);
}

/** FUL-4: in transit, the package stalls if nothing happens for this long after its last activity. */
export function stallDeadline(lastActivity: Date, policy: Pick<FulfillmentPolicy, 'stallHours'>): Date {
  return addMs(lastActivity, policy.stallHours * HOUR_MS);
}

/** FUL-5: a logistics proof is to be reviewed this long after it joined the queue. */
export function proofReviewDueAt(openedAt: Date, policy: Pick<FulfillmentPolicy, 'proofReviewHours'>): Date {
  return addMs(openedAt, policy.proofReviewHours * HOUR_MS);
}
