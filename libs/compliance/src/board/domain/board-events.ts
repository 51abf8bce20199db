import type { DomainEvent } from '@tradehub/kernel';
import { type BoardFlagClearedV1, type BoardFlagRaisedV1, ComplianceEvents } from '../../contract/events';
import { complianceEvent } from '../../domain/compliance-event';

/** The fields of a flag its events carry. */
export interface BoardFlagFacts {
  id: string;
  riskType: number;
  code: string;
  severity: BoardFlagRaisedV1['severity'];
  storeId: string;
  orderId: string | null;
  packageId: string | null;
  reason: string;
  source: string;
  raisedAt: Date;
}

/** CMP-5: a flag landed on the board (or an open one was raised again with a higher severity). */
export function boardFlagRaised(f: BoardFlagFacts, now: Date): DomainEvent<BoardFlagRaisedV1> {
  return complianceEvent<BoardFlagRaisedV1>(ComplianceEvents.BoardFlagRaised, f.storeId, now, {
    flagId: f.id,
    riskType: f.riskType,
    code: f.code,
    severity: f.severity,
    storeId: f.storeId,
    orderId: f.orderId,
    packageId: f.packageId,
    reason: f.reason,
    source: f.source,
    raisedAt: f.raisedAt.toISOString(),
  });
}

/** CMP-5: a flag left the board; `reason` says why it is no longer true. */
export function boardFlagCleared(
  f: BoardFlagFacts,
  reason: string,
  clearedAt: Date,
): DomainEvent<BoardFlagClearedV1> {
  return complianceEvent<BoardFlagClearedV1>(ComplianceEvents.BoardFlagCleared, f.storeId, clearedAt, {
    flagId: f.id,
    riskType: f.riskType,
    code: f.code,
    storeId: f.storeId,
    orderId: f.orderId,
    packageId: f.packageId,
    reason,
    clearedAt: clearedAt.toISOString(),
  });
}
