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
