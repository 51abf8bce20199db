import type { SettlementOrder as OrderSettlement } from '../order/types';

export type HoldDecision = 'RELEASE' | 'KEEP_HOLDING';

/**
 * GET /v1/settlement/held-reviews items (entries left empty there), GET /v1/settlement/orders/{id}
 * and the answer of POST .../hold-decision: one order's money in Settlement (OpenAPI at /docs).
 */
export interface SettlementOrder extends OrderSettlement {
  orderId: string;
  storeId: string;
}
