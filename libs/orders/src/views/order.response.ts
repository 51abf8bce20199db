import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Order } from '../domain/order';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order-status';

export class MoneyResponse {
  @ApiProperty({ description: 'Integer minor units as a decimal string', example: '1999' }) minor!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
}

export class OrderLineResponse {
  @ApiProperty() lineId!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() title!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ description: 'Units already shipped (partial shipment, FUL-2)' }) shippedQuantity!: number;
  @ApiProperty({ type: MoneyResponse }) unitPrice!: MoneyResponse;
}

export class DeadlinesResponse {
  @ApiProperty({ description: 'ORD-2/ORD-3 ship-by instant' }) shipBy!: string;
  @ApiPropertyOptional({
    description: 'When the SHIP_DEADLINE_NEAR warning fires',
    nullable: true,
    type: String,
  })
  shipWarningAt!: string | null;
  @ApiProperty({ description: 'Flagged late shipment (未及时发货)' }) lateShipment!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) lateFlaggedAt!: string | null;
}

export class CancellationResponse {
  @ApiProperty({ enum: ['BUYER', 'SELLER'] }) initiator!: string;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() at!: string;
}

export class OrderResponse {
  @ApiProperty() id!: string;
  @ApiProperty() marketplaceOrderId!: string;
  @ApiProperty() sellerId!: string;
  @ApiProperty() mainAccountId!: string;
  @ApiProperty() storeId!: string;
  @ApiProperty() buyerId!: string;
  @ApiProperty({ enum: ORDER_STATUSES, description: 'ORD-7 marketplace status code' }) status!: OrderStatus;
  @ApiProperty({ type: [OrderLineResponse] }) lines!: OrderLineResponse[];
  @ApiProperty({ type: MoneyResponse }) shippingFee!: MoneyResponse;
  @ApiProperty({ type: MoneyResponse }) total!: MoneyResponse;
  @ApiProperty() shippingCountry!: string;
  @ApiProperty() paymentMethod!: string;
  @ApiProperty() presale!: boolean;
  @ApiProperty() paidAt!: string;
  @ApiProperty({ type: DeadlinesResponse }) deadlines!: DeadlinesResponse;
  @ApiPropertyOptional({
    type: CancellationResponse,
    nullable: true,
    description: 'ORD-5: why the order closed',
  })
  cancellation!: CancellationResponse | null;
  @ApiPropertyOptional({ nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({ description: 'In the abnormal-logistics pool (FUL-4)' }) inAbnormalPool!: boolean;
  @ApiProperty({ description: 'A logistics review task is open' }) underReview!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

/** Lists exactly what a caller may see; a new column never leaks by accident (STYLE 13). */
export function toOrderResponse(order: Order): OrderResponse {
  const s = order.snapshot;
  return {
    id: s.id,
    marketplaceOrderId: s.marketplaceOrderId,
    sellerId: s.sellerId,
    mainAccountId: s.mainAccountId,
    storeId: s.storeId,
    buyerId: s.buyerId,
    status: s.status,
    cancellation: s.cancellation ? { ...s.cancellation, at: s.cancellation.at.toISOString() } : null,
    deliveredAt: s.deliveredAt?.toISOString() ?? null,
    inAbnormalPool: s.inAbnormalPool,
    underReview: s.underReview,
    lines: s.lines.map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      shippedQuantity: l.shippedQuantity,
      unitPrice: l.unitPrice.toJSON(),
    })),
    shippingFee: s.shippingFee.toJSON(),
    total: s.total.toJSON(),
    shippingCountry: s.shippingAddress.country,
    paymentMethod: s.paymentMethod,
    presale: s.presale,
    paidAt: s.paidAt.toISOString(),
    deadlines: {
      shipBy: s.shipBy.toISOString(),
      shipWarningAt: s.shipWarnAt?.toISOString() ?? null,
      lateShipment: s.lateShipment,
      lateFlaggedAt: s.lateFlaggedAt?.toISOString() ?? null,
    },
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
