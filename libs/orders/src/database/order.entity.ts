import { defineEntity, p } from '@mikro-orm/postgresql';
import { Money } from '@tradehub/kernel';
import { jsonColumn } from '@tradehub/platform';
import { Cancellation } from '../domain/cancellation';
import { OpenFlag, Order, OrderLine, ShippingAddress } from '../domain/order';
import { RecordedShipment } from '../domain/order-state';

interface LineJson {
  lineId: string;
  sku: string;
  title: string;
  quantity: number;
  shippedQuantity: number;
  unitPrice: { minor: string; currency: string };
}

const OrderLines = jsonColumn<OrderLine[], LineJson[]>(
  (lines) =>
    lines.map((l): LineJson => ({
      lineId: l.lineId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      shippedQuantity: l.shippedQuantity,
      unitPrice: l.unitPrice.toJSON(),
    })),
  (json) =>
    json.map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      shippedQuantity: l.shippedQuantity,
      unitPrice: Money.parse(l.unitPrice.minor, l.unitPrice.currency),
    })),
);

const CancellationJson = jsonColumn<Cancellation, Omit<Cancellation, 'at'> & { at: string }>(
  (c) => ({ initiator: c.initiator, reason: c.reason, note: c.note, at: c.at.toISOString() }),
  (json) => ({ ...json, at: new Date(json.at) }),
);

const OpenFlags = jsonColumn<OpenFlag[], (Omit<OpenFlag, 'raisedAt'> & { raisedAt: string })[]>(
  (flags) =>
    flags.map((f) => ({
      code: f.code,
      severity: f.severity,
      reason: f.reason,
      raisedAt: f.raisedAt.toISOString(),
    })),
  (json) => json.map((f) => ({ ...f, raisedAt: new Date(f.raisedAt) })),
);

const instant = () => p.datetime().columnType('timestamptz');

/** `orders.orders`: the order aggregate's one mapping; a new order field is one line here. */
export const OrderEntity = defineEntity({
  class: Order,
  tableName: 'orders',
  schema: 'orders',
  properties: {
    id: p.uuid().primary(),
    marketplaceOrderId: p.text().unique(),
    sellerId: p.text(),
    mainAccountId: p.text(),
    storeId: p.text(),
    buyerId: p.text(),
    status: p.text(),
    currency: p.string().length(3),
    lines: p.type(OrderLines),
    shippingFeeMinor: p.bigint('bigint'),
    totalMinor: p.bigint('bigint'),
    shippingAddress: p.json<ShippingAddress>(),
    paymentMethod: p.text(),
    paymentCountry: p.string().length(2),
    presale: p.boolean(),
    paidAt: instant(),
    shipBy: instant(),
    shipWarnAt: instant().nullable(),
    shipWarnedAt: instant().nullable(),
    lateShipment: p.boolean(),
    lateFlaggedAt: instant().nullable(),
    cancellation: p.type(CancellationJson).nullable(),
    deliveredAt: instant().nullable(),
    fundStatus: p.text(),
    issueStatus: p.text(),
    shipments: p.json<RecordedShipment[]>(),
    openFlags: p.type(OpenFlags),
    inAbnormalPool: p.boolean(),
    underReview: p.boolean(),
    openReviewTasks: p.integer(),
    openAbnormalTasks: p.integer(),
    createdAt: instant(),
    updatedAt: instant(),
    version: p.integer().version(),
  },
});
