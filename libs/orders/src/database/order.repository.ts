import { Injectable } from '@nestjs/common';
import { ConflictError, Money } from '@tradehub/kernel';
import { Outbox, Sql } from '@tradehub/platform';
import { Order, OrderLine, OrderState, ShippingAddress } from '../domain/order';
import { OrderStatus } from '../domain/order-status';
import { CancelReason } from '../domain/cancellation';

export interface OrderRow {
  id: string;
  marketplace_order_id: string;
  seller_id: string;
  main_account_id: string;
  store_id: string;
  buyer_id: string;
  status: OrderStatus;
  currency: string;
  total_minor: string;
  shipping_fee_minor: string;
  lines: {
    lineId: string;
    sku: string;
    title: string;
    quantity: number;
    shippedQuantity?: number;
    unitPriceMinor: string;
  }[];
  shipping_address: ShippingAddress;
  payment_method: string;
  payment_country: string;
  presale: boolean;
  paid_at: Date;
  ship_by: Date;
  ship_warn_at: Date | null;
  late_shipment: boolean;
  late_flagged_at: Date | null;
  cancellation: {
    initiator: 'BUYER' | 'SELLER';
    reason: CancelReason;
    note: string | null;
    at: string;
  } | null;
  delivered_at: Date | null;
  in_abnormal_pool: boolean;
  under_review: boolean;
  open_review_tasks: number;
  open_abnormal_tasks: number;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const COLUMNS = `id, marketplace_order_id, seller_id, main_account_id, store_id, buyer_id, status, currency, total_minor,
  shipping_fee_minor, lines, shipping_address, payment_method, payment_country, presale, paid_at, ship_by, ship_warn_at,
  late_shipment, late_flagged_at, cancellation, delivered_at, in_abnormal_pool, under_review, open_review_tasks, open_abnormal_tasks, created_at, updated_at, version`;

/** The only place that reads and writes `orders.orders`; saving an order also writes its events to the outbox. */
@Injectable()
export class OrderRepository {
  constructor(private readonly outbox: Outbox) {}

  async findById(sql: Sql, id: string, forUpdate = false): Promise<Order | null> {
    const rows = await sql.query<OrderRow>(
      `select ${COLUMNS} from orders.orders where id = ?${forUpdate ? ' for update' : ''}`,
      [id],
    );
    return rows[0] ? Order.restore(toState(rows[0])) : null;
  }

  async findByMarketplaceId(sql: Sql, marketplaceOrderId: string): Promise<Order | null> {
    const rows = await sql.query<OrderRow>(
      `select ${COLUMNS} from orders.orders where marketplace_order_id = ?`,
      [marketplaceOrderId],
    );
    return rows[0] ? Order.restore(toState(rows[0])) : null;
  }

  /** Inserts a new order; false when another transaction ingested the same marketplace order first. */
  async insert(sql: Sql, order: Order): Promise<boolean> {
    const s = order.snapshot;
    const inserted = await sql.query(
      `insert into orders.orders (${COLUMNS})
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (marketplace_order_id) do nothing returning id`,
      [
        s.id,
        s.marketplaceOrderId,
        s.sellerId,
        s.mainAccountId,
        s.storeId,
        s.buyerId,
        s.status,
        s.total.currency,
        s.total.minor,
        s.shippingFee.minor,
        JSON.stringify(s.lines.map(lineToJson)),
        JSON.stringify(s.shippingAddress),
        s.paymentMethod,
        s.paymentCountry,
        s.presale,
        s.paidAt,
        s.shipBy,
        s.shipWarnAt,
        s.lateShipment,
        s.lateFlaggedAt,
        JSON.stringify(s.cancellation),
        s.deliveredAt,
        s.inAbnormalPool,
        s.underReview,
        s.openReviewTasks,
        s.openAbnormalTasks,
        s.createdAt,
        s.updatedAt,
        s.version,
      ],
    );
    if (inserted.length === 0) return false;
    await this.outbox.append(sql, order.pullEvents());
    return true;
  }

  /** Saves a changed order with an optimistic version check, and its events. */
  async update(sql: Sql, order: Order): Promise<void> {
    const s = order.snapshot;
    const updated = await sql.query(
      `update orders.orders set status = ?, lines = ?::jsonb, late_shipment = ?, late_flagged_at = ?, cancellation = ?::jsonb,
         delivered_at = ?, in_abnormal_pool = ?, under_review = ?, open_review_tasks = ?, open_abnormal_tasks = ?, updated_at = ?, version = version + 1
       where id = ? and version = ? returning id`,
      [
        s.status,
        JSON.stringify(s.lines.map(lineToJson)),
        s.lateShipment,
        s.lateFlaggedAt,
        JSON.stringify(s.cancellation),
        s.deliveredAt,
        s.inAbnormalPool,
        s.underReview,
        s.openReviewTasks,
        s.openAbnormalTasks,
        s.updatedAt,
        s.id,
        s.version,
      ],
    );
    if (updated.length === 0)
      throw new ConflictError('ORDER_CHANGED_CONCURRENTLY', 'the order changed meanwhile; retry');
    order.markSaved();
    await this.outbox.append(sql, order.pullEvents());
  }

  /** ORD-4: records the order's late strike once; returns the store's strikes in the window, or null if already recorded. */
  async recordStrike(sql: Sql, order: Order, at: Date, windowStart: Date): Promise<number | null> {
    // One store's strikes are counted one deadline at a time, so two firing together cannot both see the same count.
    await sql.query(`select pg_advisory_xact_lock(hashtext(?))`, [`late-strikes:${order.storeId}`]);
    const inserted = await sql.query(
      `insert into orders.late_shipment_strikes (order_id, store_id, struck_at) values (?, ?, ?) on conflict do nothing returning order_id`,
      [order.id, order.storeId, at],
    );
    if (inserted.length === 0) return null;
    const [row] = await sql.query<{ n: string }>(
      `select count(*) as n from orders.late_shipment_strikes where store_id = ? and struck_at > ? and struck_at <= ?`,
      [order.storeId, windowStart, at],
    );
    return Number(row.n);
  }
}

function lineToJson(l: OrderLine): OrderRow['lines'][number] {
  return {
    lineId: l.lineId,
    sku: l.sku,
    title: l.title,
    quantity: l.quantity,
    shippedQuantity: l.shippedQuantity,
    unitPriceMinor: l.unitPrice.minor.toString(),
  };
}

export function toState(r: OrderRow): OrderState {
  return {
    id: r.id,
    marketplaceOrderId: r.marketplace_order_id,
    sellerId: r.seller_id,
    mainAccountId: r.main_account_id,
    storeId: r.store_id,
    buyerId: r.buyer_id,
    status: r.status,
    lines: r.lines.map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      shippedQuantity: l.shippedQuantity ?? 0,
      unitPrice: Money.of(BigInt(l.unitPriceMinor), r.currency),
    })),
    shippingFee: Money.of(BigInt(r.shipping_fee_minor), r.currency),
    total: Money.of(BigInt(r.total_minor), r.currency),
    shippingAddress: r.shipping_address,
    paymentMethod: r.payment_method,
    paymentCountry: r.payment_country,
    presale: r.presale,
    paidAt: new Date(r.paid_at),
    shipBy: new Date(r.ship_by),
    shipWarnAt: r.ship_warn_at ? new Date(r.ship_warn_at) : null,
    lateShipment: r.late_shipment,
    lateFlaggedAt: r.late_flagged_at ? new Date(r.late_flagged_at) : null,
    cancellation: r.cancellation ? { ...r.cancellation, at: new Date(r.cancellation.at) } : null,
    deliveredAt: r.delivered_at ? new Date(r.delivered_at) : null,
    inAbnormalPool: r.in_abnormal_pool,
    underReview: r.under_review,
    openReviewTasks: r.open_review_tasks,
    openAbnormalTasks: r.open_abnormal_tasks,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    version: r.version,
  };
}
