import { DomainEvent } from '@tradehub/kernel';
import { FulfillmentEvents, RiskFlagRaisedV1, RiskSeverity } from '../contract';
import { FulfillmentAggregateType, fulfillmentEvent } from './fulfillment-event';

/** CMP-5: the risk types this context raises, with their number in the rulebook's table of 17. */
export const FULFILLMENT_RISK_CODES = {
  INVALID_TRACKING_NUMBER: 4,
  NO_FIRST_SCAN: 5,
  LOGISTICS_STALLED: 6,
  PROOF_REVIEW_OVERDUE: 7,
  FAKE_SHIPMENT_SUSPECTED: 8,
} as const;

export type FulfillmentRiskCode = keyof typeof FULFILLMENT_RISK_CODES;

/** The severity each code is raised with unless the caller says otherwise. */
export const DEFAULT_RISK_SEVERITY: Readonly<Record<FulfillmentRiskCode, RiskSeverity>> = Object.freeze({
  INVALID_TRACKING_NUMBER: 'medium',
  NO_FIRST_SCAN: 'medium',
  LOGISTICS_STALLED: 'high',
  PROOF_REVIEW_OVERDUE: 'medium',
  FAKE_SHIPMENT_SUSPECTED: 'critical',
});

export interface RiskFlagInput {
  code: FulfillmentRiskCode;
  storeId: string;
  orderId: string;
  /** The package the flag is about; null when there is none (a refused tracking number). */
  packageId: string | null;
  reason: string;
  severity?: RiskSeverity;
}

/**
 * CMP-5: the `risk-flag-raised` event. Also usable without an aggregate (an INVALID_TRACKING_NUMBER
 * refusal creates no package): the handler writes the event to the outbox itself.
 */
export function riskFlagRaised(
  flag: RiskFlagInput,
  now: Date,
  aggregateType: FulfillmentAggregateType = 'package',
): DomainEvent<RiskFlagRaisedV1> {
  return fulfillmentEvent<RiskFlagRaisedV1>(
    FulfillmentEvents.RiskFlagRaised,
    aggregateType,
    flag.orderId,
    now,
    {
      code: flag.code,
      severity: flag.severity ?? DEFAULT_RISK_SEVERITY[flag.code],
      storeId: flag.storeId,
      orderId: flag.orderId,
      reason: flag.reason,
      packageId: flag.packageId,
    },
  );
}
