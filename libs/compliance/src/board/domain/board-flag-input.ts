import { isUuid, type RiskSeverity } from '@tradehub/kernel';
import { isRiskSeverity, riskTypeOf } from './risk-types';

/** CMP-5: what identifies a flag while it is open: its code, store, order and package. */
export interface BoardFlagKeyInput {
  code: string;
  storeId: string;
  /** Null for a store-level flag (LATE_SHIPMENT_STRIKES, Compliance's 15-17). */
  orderId: string | null;
  /** Set for a package-level flag (Fulfillment's 5-8); absent or null otherwise. */
  packageId?: string | null;
}

/** CMP-5: a flag to put on the board, from any context or from Compliance itself. */
export interface BoardFlagInput extends BoardFlagKeyInput {
  /** What the raising context said; configuration may override it, the type's default fills it. */
  severity?: RiskSeverity;
  reason: string;
  /** The context that raised it (`orders`, ..., `compliance`). */
  source: string;
}

/** The longest store id any context issues (the marketplace's id format). */
const MAX_STORE_ID = 64;

/**
 * Why a flag cannot go on the board (a code outside the 17, a malformed id or severity), or null.
 * Pure, so a consumer can log and skip a bad message where an internal caller gets an error.
 */
export function flagInputProblem(f: {
  code: unknown;
  storeId: unknown;
  orderId: unknown;
  packageId?: unknown;
  severity?: unknown;
  reason?: unknown;
}): { field: string; message: string } | null {
  if (typeof f.code !== 'string' || riskTypeOf(f.code) === null)
    return { field: 'code', message: `'${String(f.code)}' is not one of the 17 risk types` };
  if (typeof f.storeId !== 'string' || f.storeId.length === 0 || f.storeId.length > MAX_STORE_ID)
    return { field: 'storeId', message: 'must be a store id' };
  if (f.orderId !== null && !(typeof f.orderId === 'string' && isUuid(f.orderId)))
    return { field: 'orderId', message: 'must be an order id (UUID) or null' };
  if (f.packageId != null && !(typeof f.packageId === 'string' && isUuid(f.packageId)))
    return { field: 'packageId', message: 'must be a package id (UUID) or null' };
  if (f.severity !== undefined && !isRiskSeverity(f.severity))
    return { field: 'severity', message: `'${String(f.severity)}' is not a severity` };
  if (f.reason !== undefined && typeof f.reason !== 'string')
    return { field: 'reason', message: 'must be text' };
  return null;
}
