import { AggregateRoot, Deadline, Money, newId, RiskSeverity, RuleViolation } from '@tradehub/kernel';
import {
  LateShipmentStrikeRecordedV1,
  OrderCancelledV1,
  OrderEvents,
  OrderPlacedV1,
  ORDERS_CONTEXT,
  OrderStatusChangedV1,
  RiskFlagClearedV1,
  RiskFlagRaisedV1,
  ShipDeadlineV1,
  ShipmentRecordedV1,
  ShippedLine,
} from '../contract';
import { Cancellation } from './cancellation';
import { isPastDeadline, SHIP_DEADLINE_TIMER, SHIP_WARNING_TIMER } from './order-deadlines';
import { allShipped, applyShipment } from './order-shipment';
import { awaitsShipment, canTransition, OrderStatus } from './order-status';
import { IllegalOrderTransition, OrderNotCancellable, OrderNotShippable } from './order.errors';
import { ShipDeadlineConfig, shipDeadlines } from './ship-deadline.policy';
import type {
  FundStatus,
  IssueStatus,
  OpenFlag,
  OrderLine,
  OrderState,
  PlaceOrderInput,
  RecordedShipment,
} from './order-state';

export type { OpenFlag, OrderLine, OrderState, PlaceOrderInput, ShippingAddress } from './order-state';

const SHIP_FLAGS = ['SHIP_DEADLINE_NEAR', 'SHIP_DEADLINE_MISSED'];

function orderTotal(lines: readonly OrderLine[], shippingFee: Money): Money {
  try {
    return lines.reduce((sum, l) => sum.add(l.unitPrice.times(l.quantity)), shippingFee);
  } catch (error) {
    if (error instanceof RuleViolation) throw new RuleViolation(error.code, error.message, 'lines');
    throw error;
  }
}

type OrderFields = Omit<OrderState, 'total' | 'shippingFee'> & {
  totalMinor: bigint;
  shippingFeeMinor: bigint;
};

/**
 * The order aggregate: decides its transitions and raises the events that describe them. Its
 * fields are mapped by the database layer (order.entity.ts); only its methods change them.
 */
export class Order extends AggregateRoot implements OrderState {
  id!: string;
  marketplaceOrderId!: string;
  sellerId!: string;
  mainAccountId!: string;
  storeId!: string;
  buyerId!: string;
  status!: OrderStatus;
  currency!: string;
  lines!: OrderLine[];
  shippingFeeMinor!: bigint;
  totalMinor!: bigint;
  shippingAddress!: OrderState['shippingAddress'];
  paymentMethod!: string;
  paymentCountry!: string;
  presale!: boolean;
  paidAt!: Date;
  shipBy!: Date;
  shipWarnAt!: Date | null;
  shipWarnedAt!: Date | null;
  lateShipment!: boolean;
  lateFlaggedAt!: Date | null;
  cancellation!: Cancellation | null;
  deliveredAt!: Date | null;
  fundStatus!: FundStatus;
  issueStatus!: IssueStatus;
  shipments!: RecordedShipment[];
  openFlags!: OpenFlag[];
  inAbnormalPool!: boolean;
  underReview!: boolean;
  openReviewTasks!: number;
  openAbnormalTasks!: number;
  createdAt!: Date;
  updatedAt!: Date;
  version!: number;

  /** Restores stored fields; a new order comes from `Order.place`. */
  constructor(fields: OrderFields) {
    super();
    Object.assign(this, fields);
  }

  get aggregateType(): string {
    return 'order';
  }

  get total(): Money {
    return Money.of(this.totalMinor, this.currency);
  }

  get shippingFee(): Money {
    return Money.of(this.shippingFeeMinor, this.currency);
  }

  /** The state for readers; change it only through the methods below. */
  get snapshot(): Readonly<OrderState> {
    return this;
  }

  get awaitingShipment(): boolean {
    return awaitsShipment(this.status);
  }

  /** DSP-4: a refund request or dispute of the order is open or in arbitration. */
  get hasOpenIssue(): boolean {
    return this.issueStatus === 'OPEN' || this.issueStatus === 'ESCALATED';
  }

  /** ORD-1, ORD-2, ORD-3: a paid order enters awaiting shipment with its ship-by deadline. */
  static place(input: PlaceOrderInput, now: Date, config: ShipDeadlineConfig): Order {
    const currency = input.shippingFee.currency;
    const lines = input.lines.map((line, i) => {
      if (line.unitPrice.currency !== currency) {
        throw new RuleViolation(
          'MIXED_CURRENCIES',
          `line currency ${line.unitPrice.currency} differs from order currency ${currency}`,
          `lines[${i}].unitPrice.currency`,
        );
      }
      return { ...line, lineId: line.lineId ?? String(i + 1), shippedQuantity: 0 };
    });
    if (new Set(lines.map((l) => l.lineId)).size !== lines.length) {
      throw new RuleViolation('DUPLICATE_LINE_ID', 'line ids must be unique within an order', 'lines');
    }
    const total = orderTotal(lines, input.shippingFee);
    const { shipBy, warnAt } = shipDeadlines(input.paidAt, input.presale, config);
    const order = new Order({
      id: newId(),
      marketplaceOrderId: input.marketplaceOrderId,
      sellerId: input.sellerId,
      mainAccountId: input.mainAccountId,
      storeId: input.storeId,
      buyerId: input.buyerId,
      status: 'WAIT_SELLER_SEND_GOODS',
      currency,
      lines,
      shippingFeeMinor: input.shippingFee.minor,
      totalMinor: total.minor,
      shippingAddress: input.shippingAddress,
      paymentMethod: input.paymentMethod,
      paymentCountry: input.paymentCountry,
      presale: input.presale !== null,
      paidAt: input.paidAt,
      shipBy,
      shipWarnAt: warnAt,
      shipWarnedAt: null,
      lateShipment: false,
      lateFlaggedAt: null,
      cancellation: null,
      deliveredAt: null,
      fundStatus: 'NOT_DUE',
      issueStatus: 'NONE',
      shipments: [],
      openFlags: [],
      inAbnormalPool: false,
      underReview: false,
      openReviewTasks: 0,
      openAbnormalTasks: 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    order.changed('order.placed');
    order.emit<OrderPlacedV1>(OrderEvents.OrderPlaced, now, {
      orderId: order.id,
      marketplaceOrderId: input.marketplaceOrderId,
      sellerId: input.sellerId,
      mainAccountId: input.mainAccountId,
      storeId: input.storeId,
      buyerId: input.buyerId,
      status: 'WAIT_SELLER_SEND_GOODS',
      total: total.toJSON(),
      lines: lines.map((l) => ({
        lineId: l.lineId,
        sku: l.sku,
        quantity: l.quantity,
        unitPrice: l.unitPrice.toJSON(),
      })),
      shippingCountry: input.shippingAddress.country,
      presale: input.presale !== null,
      paidAt: input.paidAt.toISOString(),
      shipBy: shipBy.toISOString(),
    });
    return order;
  }

  /** ORD-2: the warning and the deadline are durable timers while the order waits for shipment. */
  override deadlines(): Deadline[] {
    const waiting = this.awaitingShipment && !this.lateShipment;
    return [
      {
        kind: SHIP_WARNING_TIMER,
        dueAt: waiting && this.shipWarnAt && !this.shipWarnedAt ? this.shipWarnAt : null,
      },
      { kind: SHIP_DEADLINE_TIMER, dueAt: waiting ? this.shipBy : null },
    ];
  }

  /** ORD-2: the order is still waiting for shipment and its deadline has passed. */
  isOverdue(now: Date): boolean {
    return this.awaitingShipment && isPastDeadline(this.shipBy, now);
  }

  /** ORD-2: the warning before the deadline; nothing if the order shipped, left, or is already past it. */
  warnShipDeadline(now: Date): void {
    // An order ingested late can have both timers due at once: past the deadline a warning is noise.
    if (!this.awaitingShipment || this.shipWarnedAt || isPastDeadline(this.shipBy, now)) return;
    this.shipWarnedAt = now;
    this.updatedAt = now;
    this.changed('order.ship-deadline-near');
    this.emit<ShipDeadlineV1>(OrderEvents.ShipDeadlineNear, now, this.deadlinePayload());
    this.raiseFlag(
      now,
      'SHIP_DEADLINE_NEAR',
      'medium',
      `ship-by deadline ${this.shipBy.toISOString()} is near`,
    );
  }

  /**
   * ORD-2: past the deadline the order is flagged late (未及时发货). Returns whether a strike is owed,
   * so the caller records it for the store exactly once.
   */
  missShipDeadline(now: Date): boolean {
    if (!this.awaitingShipment || this.lateShipment) return false;
    this.lateShipment = true;
    this.lateFlaggedAt = now;
    this.updatedAt = now;
    this.changed('order.ship-deadline-missed');
    this.emit<ShipDeadlineV1>(OrderEvents.ShipDeadlineMissed, now, this.deadlinePayload());
    this.clearFlags(['SHIP_DEADLINE_NEAR'], 'the ship-by deadline passed', now);
    this.raiseFlag(now, 'SHIP_DEADLINE_MISSED', 'high', `not shipped by ${this.shipBy.toISOString()}`);
    return true;
  }

  /** ORD-4: the store's strike for this order's missed deadline; at the threshold Compliance is told. */
  recordLateStrike(strikesInWindow: number, windowDays: number, thresholdReached: boolean, now: Date): void {
    this.emit<LateShipmentStrikeRecordedV1>(OrderEvents.LateShipmentStrikeRecorded, now, {
      orderId: this.id,
      storeId: this.storeId,
      strikesInWindow,
      windowDays,
      thresholdReached,
    });
    if (thresholdReached) {
      this.emit<RiskFlagRaisedV1>(OrderEvents.RiskFlagRaised, now, {
        code: 'LATE_SHIPMENT_STRIKES',
        severity: 'high',
        storeId: this.storeId,
        orderId: null,
        reason: `${strikesInWindow} late-shipment strikes in ${windowDays} days`,
      });
    }
  }

  /**
   * FUL-2: records a package's lines as shipped; the order is shipped when every line is. A repeat
   * of the same package answers what it recorded. Late shipping is allowed; the late flag stays.
   */
  applyShipment(
    packageId: string,
    shipped: readonly ShippedLine[] | null,
    now: Date,
  ): { lines: ShippedLine[]; fullyShipped: boolean } {
    const done = this.shipments.find((s) => s.packageId === packageId);
    if (done) return { lines: done.lines, fullyShipped: allShipped(this.lines) };
    if (!this.awaitingShipment) throw new OrderNotShippable(this.status);
    const { lines, covered } = applyShipment(this.lines, shipped);
    const fullyShipped = allShipped(lines);
    this.lines = lines;
    this.shipments = [...this.shipments, { packageId, lines: covered }];
    this.updatedAt = now;
    this.changed('order.shipment-recorded');
    const next = fullyShipped ? 'WAIT_BUYER_ACCEPT_GOODS' : 'SELLER_PART_SEND_GOODS';
    // A third package of a partly shipped order leaves it partly shipped: no status move to publish.
    if (next !== this.status) this.transitionTo(next, now);
    this.emit<ShipmentRecordedV1>(OrderEvents.ShipmentRecorded, now, {
      orderId: this.id,
      storeId: this.storeId,
      packageId,
      lines: covered,
      fullyShipped,
    });
    if (fullyShipped) this.clearFlags(SHIP_FLAGS, 'the order shipped', now);
    return { lines: covered, fullyShipped };
  }

  /** ORD-5: cancellation before any package shipped; the reason is kept with the closed order. False when it was already done. */
  cancel(cancellation: Cancellation): boolean {
    // A retry of the same cancellation finds it done: no second effect, no error.
    const done = this.cancellation;
    if (done && done.initiator === cancellation.initiator && done.reason === cancellation.reason)
      return false;
    if (!['WAIT_SELLER_SEND_GOODS', 'IN_CANCEL', 'PLACE_ORDER_SUCCESS', 'RISK_CONTROL'].includes(this.status))
      throw new OrderNotCancellable(this.status);
    this.cancellation = cancellation;
    this.changed('order.cancelled');
    this.transitionTo('FINISH', cancellation.at);
    this.emit<OrderCancelledV1>(OrderEvents.OrderCancelled, cancellation.at, {
      orderId: this.id,
      storeId: this.storeId,
      initiator: cancellation.initiator,
      reason: cancellation.reason,
      note: cancellation.note,
      sellerInitiated: cancellation.initiator === 'SELLER',
    });
    this.clearFlags(SHIP_FLAGS, 'the order was cancelled', cancellation.at);
    return true;
  }

  /**
   * FUL-7: delivered; proceeds are now frozen and reviewed by Settlement (FUND_PROCESSING). False when
   * already delivered. DSP-4: while an issue is open the delivery is recorded but the order stays
   * IN_ISSUE (or WAIT_SELLER_EXAMINE_MONEY); closing the issue restores FUND_PROCESSING.
   */
  markDelivered(at: Date, now: Date): boolean {
    if (this.deliveredAt || this.status === 'FUND_PROCESSING') return false;
    this.deliveredAt = at;
    this.updatedAt = now;
    this.changed('order.delivered');
    if (!this.hasOpenIssue) this.transitionTo('FUND_PROCESSING', now);
    return true;
  }

  /**
   * ORD-7 beside SET-1..3: Settlement moved the order's money. A release finishes a delivered
   * order that has no open issue (DSP-4); the order status stays where it is otherwise. False when unchanged.
   */
  recordFundStatus(to: FundStatus, now: Date): boolean {
    if (this.fundStatus === to) return false;
    this.fundStatus = to;
    this.updatedAt = now;
    this.changed('order.fund-status-changed');
    if (to === 'RELEASED' && this.status === 'FUND_PROCESSING' && !this.hasOpenIssue)
      this.transitionTo('FINISH', now);
    return true;
  }

  /**
   * ORD-7, DSP-4: Disputes moved the order's issue status (none / open / escalated / closed, beside
   * the order status). OPEN or ESCALATED puts the order IN_ISSUE, or WAIT_SELLER_EXAMINE_MONEY while
   * an OPEN request's returned parcel awaits the seller's inspection (DSP-3, "seller to confirm the
   * amount"). CLOSED gives an order held by its issue back the status settlement dictates: FINISH
   * once the money was released, FUND_PROCESSING once delivered, WAIT_BUYER_ACCEPT_GOODS before.
   * A request after the release reopens a FINISH order, but never a cancelled or undelivered one
   * (IllegalOrderTransition, as for any move the table refuses). False when nothing changed.
   */
  recordIssueStatus(to: IssueStatus, sellerExaminesAmount: boolean, now: Date): boolean {
    const next = this.statusForIssue(to, sellerExaminesAmount);
    if (this.issueStatus === to && this.status === next) return false;
    if (this.status === 'FINISH' && next !== 'FINISH' && (this.cancellation || !this.deliveredAt))
      throw new IllegalOrderTransition(this.status, next);
    // The inspection follows an open request: an order that reaches it directly passes IN_ISSUE first.
    if (next === 'WAIT_SELLER_EXAMINE_MONEY' && this.status !== next && !canTransition(this.status, next))
      this.transitionTo('IN_ISSUE', now);
    if (next !== this.status) this.transitionTo(next, now);
    this.issueStatus = to;
    this.updatedAt = now;
    this.changed('order.issue-status-changed');
    return true;
  }

  /**
   * A Fulfillment review task of this order opened (+1) or was decided (-1). The order is under
   * review while any task is open and in the abnormal-logistics pool while any abnormal case is.
   */
  countReviewTask(abnormal: boolean, delta: 1 | -1, now: Date): void {
    this.openReviewTasks = Math.max(0, this.openReviewTasks + delta);
    if (abnormal) this.openAbnormalTasks = Math.max(0, this.openAbnormalTasks + delta);
    this.underReview = this.openReviewTasks > 0;
    this.inAbnormalPool = this.openAbnormalTasks > 0;
    this.updatedAt = now;
    this.changed('order.logistics-flags-updated');
  }

  /** ORD-7: every move is checked against the table and published in the marketplace's vocabulary. */
  transitionTo(status: OrderStatus, now: Date): void {
    const from = this.status;
    if (!canTransition(from, status)) throw new IllegalOrderTransition(from, status);
    this.status = status;
    this.updatedAt = now;
    this.emit<OrderStatusChangedV1>(OrderEvents.OrderStatusChanged, now, {
      orderId: this.id,
      storeId: this.storeId,
      from,
      to: status,
    });
  }

  /** DSP-4: the order status an issue status calls for; without an open issue, only IN_ISSUE and WAIT_SELLER_EXAMINE_MONEY move. */
  private statusForIssue(to: IssueStatus, sellerExaminesAmount: boolean): OrderStatus {
    if (to === 'OPEN' || to === 'ESCALATED')
      return to === 'OPEN' && sellerExaminesAmount ? 'WAIT_SELLER_EXAMINE_MONEY' : 'IN_ISSUE';
    if (this.status !== 'IN_ISSUE' && this.status !== 'WAIT_SELLER_EXAMINE_MONEY') return this.status;
    if (this.fundStatus === 'RELEASED') return 'FINISH';
    return this.deliveredAt ? 'FUND_PROCESSING' : 'WAIT_BUYER_ACCEPT_GOODS';
  }

  /** CMP-5: an order-level flag, open on the order until resolved, and published. */
  private raiseFlag(now: Date, code: string, severity: RiskSeverity, reason: string): void {
    this.openFlags = [
      ...this.openFlags.filter((f) => f.code !== code),
      { code, severity, reason, raisedAt: now },
    ];
    this.emit<RiskFlagRaisedV1>(OrderEvents.RiskFlagRaised, now, {
      code,
      severity,
      storeId: this.storeId,
      orderId: this.id,
      reason,
    });
  }

  private clearFlags(codes: readonly string[], reason: string, now: Date): void {
    const cleared = this.openFlags.filter((f) => codes.includes(f.code));
    if (cleared.length === 0) return;
    this.openFlags = this.openFlags.filter((f) => !codes.includes(f.code));
    for (const flag of cleared) {
      this.emit<RiskFlagClearedV1>(OrderEvents.RiskFlagCleared, now, {
        code: flag.code,
        storeId: this.storeId,
        orderId: this.id,
        reason,
      });
    }
  }

  private emit<P extends object>(type: string, now: Date, payload: P): void {
    this.raise({
      type,
      schemaVersion: 1,
      context: ORDERS_CONTEXT,
      aggregateType: 'order',
      aggregateId: this.id,
      occurredAt: now,
      payload,
    });
  }

  private deadlinePayload(): ShipDeadlineV1 {
    return { orderId: this.id, storeId: this.storeId, shipBy: this.shipBy.toISOString() };
  }
}
