import { DomainEvent, Money, newId, RuleViolation } from '@tradehub/kernel';
import {
  OrderCancelledV1,
  OrderEvents,
  OrderPlacedV1,
  ORDERS_CONTEXT,
  OrderStatusChangedV1,
  RiskFlagRaisedV1,
  ShipDeadlineV1,
  ShippedLine,
} from '../contract';
import { Cancellation } from './cancellation';
import { allShipped, applyShipment } from './order-shipment';
import { canTransition, OrderStatus, AWAITING_SHIPMENT } from './order-status';
import { illegalTransition, notShippable } from './order.errors';
import { ShipDeadlineConfig, shipDeadlines } from './ship-deadline.policy';

export type { OrderLine, OrderState, PlaceOrderInput, ShippingAddress } from './order-state';
import type { OrderLine, OrderState, PlaceOrderInput } from './order-state';

type Event = DomainEvent<object>;

function orderTotal(lines: readonly OrderLine[], shippingFee: Money): Money {
  try {
    return lines.reduce((sum, l) => sum.add(l.unitPrice.times(l.quantity)), shippingFee);
  } catch (error) {
    if (error instanceof RuleViolation) throw new RuleViolation(error.code, error.message, 'lines');
    throw error;
  }
}

/** The order aggregate: decides its transitions and raises the events that describe them. */
export class Order {
  private pending: Event[] = [];

  private constructor(private state: OrderState) {}

  static restore(state: OrderState): Order {
    return new Order(state);
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
      lines,
      shippingFee: input.shippingFee,
      total,
      shippingAddress: input.shippingAddress,
      paymentMethod: input.paymentMethod,
      paymentCountry: input.paymentCountry,
      presale: input.presale !== null,
      paidAt: input.paidAt,
      shipBy,
      shipWarnAt: warnAt,
      lateShipment: false,
      lateFlaggedAt: null,
      cancellation: null,
      deliveredAt: null,
      inAbnormalPool: false,
      underReview: false,
      openReviewTasks: 0,
      openAbnormalTasks: 0,
      createdAt: now,
      updatedAt: now,
      version: 0,
    });
    order.raise<OrderPlacedV1>(OrderEvents.OrderPlaced, now, {
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

  get id(): string {
    return this.state.id;
  }

  get storeId(): string {
    return this.state.storeId;
  }

  get snapshot(): Readonly<OrderState> {
    return this.state;
  }

  get awaitingShipment(): boolean {
    return AWAITING_SHIPMENT.includes(this.state.status);
  }

  /** ORD-2: the warning before the deadline; nothing if the order shipped or left meanwhile. */
  warnShipDeadline(now: Date): void {
    // An order ingested late can have both timers due at once: past the deadline a warning is noise.
    if (!this.awaitingShipment || now.getTime() >= this.state.shipBy.getTime()) return;
    this.raise<ShipDeadlineV1>(OrderEvents.ShipDeadlineNear, now, this.deadlinePayload());
    this.raiseRisk(
      now,
      'SHIP_DEADLINE_NEAR',
      'medium',
      `ship-by deadline ${this.state.shipBy.toISOString()} is near`,
    );
  }

  /**
   * ORD-2: past the deadline the order is flagged late (未及时发货). Returns whether a strike is owed,
   * so the caller records it for the store exactly once.
   */
  missShipDeadline(now: Date): boolean {
    if (!this.awaitingShipment || this.state.lateShipment) return false;
    this.state = { ...this.state, lateShipment: true, lateFlaggedAt: now, updatedAt: now };
    this.raise<ShipDeadlineV1>(OrderEvents.ShipDeadlineMissed, now, this.deadlinePayload());
    this.raiseRisk(now, 'SHIP_DEADLINE_MISSED', 'high', `not shipped by ${this.state.shipBy.toISOString()}`);
    return true;
  }

  /** FUL-2: record shipped lines; the order is shipped when all lines are. Late shipping is allowed; the strike stays. */
  recordShipment(
    shipped: readonly ShippedLine[] | null,
    now: Date,
  ): { fullyShipped: boolean; covered: ShippedLine[] } {
    if (!this.awaitingShipment) throw notShippable(this.state.status);
    const { lines, covered } = applyShipment(this.state.lines, shipped);
    const fullyShipped = allShipped(lines);
    this.state = { ...this.state, lines };
    const next = fullyShipped ? 'WAIT_BUYER_ACCEPT_GOODS' : 'SELLER_PART_SEND_GOODS';
    // A third package of a partly shipped order leaves it partly shipped: no status move to publish.
    if (next !== this.state.status) this.transitionTo(next, now);
    else this.state = { ...this.state, updatedAt: now };
    return { fullyShipped, covered };
  }

  /** ORD-5: cancellation before any package shipped; the reason is kept with the closed order. False when it was already done. */
  cancel(cancellation: Cancellation): boolean {
    const { status } = this.state;
    // A retry of the same cancellation finds it done: no second effect, no error.
    const done = this.state.cancellation;
    if (done && done.initiator === cancellation.initiator && done.reason === cancellation.reason)
      return false;
    if (
      status !== 'WAIT_SELLER_SEND_GOODS' &&
      status !== 'IN_CANCEL' &&
      status !== 'PLACE_ORDER_SUCCESS' &&
      status !== 'RISK_CONTROL'
    ) {
      throw new RuleViolation(
        'ORDER_NOT_CANCELLABLE',
        `an order in ${status} can no longer be cancelled (it has shipped or closed)`,
        'status',
      );
    }
    this.state = { ...this.state, cancellation };
    this.transitionTo('FINISH', cancellation.at);
    this.raise<OrderCancelledV1>(OrderEvents.OrderCancelled, cancellation.at, {
      orderId: this.id,
      storeId: this.storeId,
      initiator: cancellation.initiator,
      reason: cancellation.reason,
      note: cancellation.note,
      sellerInitiated: cancellation.initiator === 'SELLER',
    });
    return true;
  }

  /** FUL-7: delivered; proceeds are now frozen and reviewed by Settlement (FUND_PROCESSING). */
  markDelivered(at: Date): void {
    if (this.state.status === 'FUND_PROCESSING' || this.state.deliveredAt) return;
    this.state = { ...this.state, deliveredAt: at };
    this.transitionTo('FUND_PROCESSING', at);
  }

  /**
   * A Fulfillment review task of this order opened (+1) or was decided (-1). The order is under
   * review while any task is open and in the abnormal-logistics pool while any abnormal case is.
   */
  countReviewTask(abnormal: boolean, delta: 1 | -1, now: Date): void {
    const openReviewTasks = Math.max(0, this.state.openReviewTasks + delta);
    const openAbnormalTasks = abnormal
      ? Math.max(0, this.state.openAbnormalTasks + delta)
      : this.state.openAbnormalTasks;
    this.state = {
      ...this.state,
      openReviewTasks,
      openAbnormalTasks,
      underReview: openReviewTasks > 0,
      inAbnormalPool: openAbnormalTasks > 0,
      updatedAt: now,
    };
  }

  /** ORD-7: every move is checked against the table and published in the marketplace's vocabulary. */
  transitionTo(status: OrderStatus, now: Date): void {
    const from = this.state.status;
    if (!canTransition(from, status)) throw illegalTransition(from, status);
    this.state = { ...this.state, status, updatedAt: now };
    this.raise<OrderStatusChangedV1>(OrderEvents.OrderStatusChanged, now, {
      orderId: this.id,
      storeId: this.storeId,
      from,
      to: status,
    });
  }

  raiseRisk(
    now: Date,
    code: string,
    severity: RiskFlagRaisedV1['severity'],
    reason: string,
    orderId: string | null = this.id,
  ): void {
    this.raise<RiskFlagRaisedV1>(OrderEvents.RiskFlagRaised, now, {
      code,
      severity,
      storeId: this.storeId,
      orderId,
      reason,
    });
  }

  raise<P extends object>(type: string, now: Date, payload: P): void {
    this.pending.push({
      type,
      schemaVersion: 1,
      context: ORDERS_CONTEXT,
      aggregateType: 'order',
      aggregateId: this.id,
      occurredAt: now,
      payload,
    });
  }

  /** The repository saved this state: the next save checks against the new version (optimistic locking). */
  markSaved(): void {
    this.state = { ...this.state, version: this.state.version + 1 };
  }

  /** Hands over the events raised since the last call; the repository writes them to the outbox. */
  pullEvents(): Event[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }

  private deadlinePayload(): ShipDeadlineV1 {
    return { orderId: this.id, storeId: this.storeId, shipBy: this.state.shipBy.toISOString() };
  }
}
