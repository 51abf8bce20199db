import { Money, RiskSeverity } from '@tradehub/kernel';
import { ISSUE_STATUSES, type IssueStatus } from '@tradehub/disputes/contract';
import { FUND_STATUSES, type FundStatus } from '@tradehub/settlement/contract';
import { Cancellation } from './cancellation';
import { OrderStatus } from './order-status';

export interface OrderLine {
  lineId: string;
  sku: string;
  title: string;
  quantity: number;
  shippedQuantity: number;
  unitPrice: Money;
}

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode?: string;
  country: string;
  phone?: string;
}

export interface PlaceOrderInput {
  marketplaceOrderId: string;
  sellerId: string;
  mainAccountId: string;
  storeId: string;
  buyerId: string;
  lines: (Omit<OrderLine, 'lineId' | 'shippedQuantity'> & { lineId?: string })[];
  shippingFee: Money;
  shippingAddress: ShippingAddress;
  paymentMethod: string;
  paymentCountry: string;
  paidAt: Date;
  presale: { shipBy: Date } | null;
}

/** A package whose lines the order recorded as shipped (FUL-2); a repeat of the same package changes nothing. */
export interface RecordedShipment {
  packageId: string;
  lines: { lineId: string; quantity: number }[];
}

/** CMP-5: a risk flag of the order that is still open, shown to the seller until it is resolved. */
export interface OpenFlag {
  code: string;
  severity: RiskSeverity;
  reason: string;
  raisedAt: Date;
}

/** ORD-7: the fund status is Settlement's vocabulary (SET-1..3). */
export { FUND_STATUSES, type FundStatus };

/** ORD-7, DSP-4: the issue status is Disputes' vocabulary (glossary: none / open / escalated / closed). */
export { ISSUE_STATUSES, type IssueStatus };

/** The order's state as the rest of the code reads it. */
export interface OrderState {
  id: string;
  marketplaceOrderId: string;
  sellerId: string;
  mainAccountId: string;
  storeId: string;
  buyerId: string;
  status: OrderStatus;
  currency: string;
  lines: readonly OrderLine[];
  shippingFee: Money;
  total: Money;
  shippingAddress: ShippingAddress;
  paymentMethod: string;
  paymentCountry: string;
  presale: boolean;
  paidAt: Date;
  shipBy: Date;
  shipWarnAt: Date | null;
  /** ORD-2: when the SHIP_DEADLINE_NEAR warning was raised. */
  shipWarnedAt: Date | null;
  lateShipment: boolean;
  lateFlaggedAt: Date | null;
  cancellation: Cancellation | null;
  deliveredAt: Date | null;
  /** ORD-7: the fund status beside the order status, as Settlement reports it (SET-1..3). */
  fundStatus: FundStatus;
  /** ORD-7, DSP-4: the issue status beside the order status, as Disputes reports it. */
  issueStatus: IssueStatus;
  shipments: readonly RecordedShipment[];
  openFlags: readonly OpenFlag[];
  /** Mirrors of Fulfillment's state, kept from its events for the sellers' filters. */
  inAbnormalPool: boolean;
  underReview: boolean;
  /** Open Fulfillment review tasks of this order; the flags above are derived from them. */
  openReviewTasks: number;
  openAbnormalTasks: number;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}
