import type { Money } from '../format/money';

/** The parts of tradehub's API answers the console reads (see the OpenAPI document at /docs). */

export interface Order {
  id: string;
  marketplaceOrderId: string;
  storeId: string;
  status: string;
  total: Money;
  paidAt: string;
  deadlines: { shipBy: string; overdue: boolean };
  issueStatus: string;
  inAbnormalPool: boolean;
  underReview: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface OrderCounts {
  byStatus: Record<string, number>;
  overdue: number;
  byOpenFlag: Record<string, number>;
  abnormalLogistics: number;
  underReview: number;
}

export interface Carrier {
  code: string;
  name: string;
  kind: string;
  trackingPattern: string;
}

/** GET /v1/access/me: seller staff only (a platform operator gets 403). */
export interface Me {
  id: string;
  realm: string;
  username: string;
  displayName: string;
  roles: string[];
  storeIds: string[];
  mainAccountIds: string[];
  scopes: string[];
}

/** One confirmation in POST /v1/shipments/batch (FUL-1, FUL-2); `lines` absent: every line left. */
export interface ShipmentBatchItem {
  orderId: string;
  carrierCode: string;
  trackingNumber: string;
  lines?: { lineId: string; quantity: number }[];
}

/** The problem details of one refused item, as the API reports a whole refused request. */
export interface ShipmentBatchProblem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

export interface ShipmentBatchResult {
  /** The item's position in that request. */
  index: number;
  orderId: string;
  /** WOULD_SHIP only in a dry run, SHIPPED only in a real one. */
  outcome: 'WOULD_SHIP' | 'SHIPPED' | 'FAILED';
  problem?: ShipmentBatchProblem;
}

/** POST /v1/shipments/batch: each item checked (dryRun) or applied on its own. */
export interface ShipmentBatchAnswer {
  dryRun: boolean;
  shipped: number;
  failed: number;
  results: ShipmentBatchResult[];
}
