import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyResponse } from '@tradehub/platform';
import { Order } from '../domain/order';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order-status';
import { FUND_STATUSES, type FundStatus, ISSUE_STATUSES, type IssueStatus } from '../domain/order-state';

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
    description: 'When the SHIP_DEADLINE_NEAR warning falls due',
    nullable: true,
    type: String,
  })
  shipWarningAt!: string | null;
  @ApiPropertyOptional({
    description: 'When the SHIP_DEADLINE_NEAR warning was raised',
    nullable: true,
    type: String,
  })
  shipWarnedAt!: string | null;
  @ApiProperty({
    description:
      'Still awaiting shipment and the ship-by instant has passed (the instant itself counts as past)',
  })
  overdue!: boolean;
  @ApiProperty({ description: 'Flagged late shipment (未及时发货)' }) lateShipment!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) lateFlaggedAt!: string | null;
}

export class CancellationResponse {
  @ApiProperty({ enum: ['BUYER', 'SELLER'] }) initiator!: string;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() at!: string;
}

export class OpenFlagResponse {
  @ApiProperty({ description: 'CMP-5 risk type code', example: 'SHIP_DEADLINE_NEAR' }) code!: string;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'] }) severity!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() raisedAt!: string;
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
  @ApiProperty({ type: [OpenFlagResponse], description: 'CMP-5: warnings and flags still open on the order' })
  openFlags!: OpenFlagResponse[];
  @ApiPropertyOptional({
    type: CancellationResponse,
    nullable: true,
    description: 'ORD-5: why the order closed',
  })
  cancellation!: CancellationResponse | null;
  @ApiPropertyOptional({ nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({
    enum: FUND_STATUSES,
    description: 'ORD-7: the fund status beside the order status (SET-1..3)',
  })
  fundStatus!: FundStatus;
  @ApiProperty({
    enum: ISSUE_STATUSES,
    description: 'ORD-7, DSP-4: the issue status beside the order status (refund requests, disputes)',
  })
  issueStatus!: IssueStatus;
  @ApiProperty({ description: 'In the abnormal-logistics pool (FUL-4)' }) inAbnormalPool!: boolean;
  @ApiProperty({ description: 'A logistics review task is open' }) underReview!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

/** Lists exactly what a caller may see; a new column never leaks by accident (STYLE 13). */
export function toOrderResponse(order: Order, now: Date): OrderResponse {
  return {
    id: order.id,
    marketplaceOrderId: order.marketplaceOrderId,
    sellerId: order.sellerId,
    mainAccountId: order.mainAccountId,
    storeId: order.storeId,
    buyerId: order.buyerId,
    status: order.status,
    cancellation: order.cancellation
      ? { ...order.cancellation, at: order.cancellation.at.toISOString() }
      : null,
    deliveredAt: order.deliveredAt?.toISOString() ?? null,
    fundStatus: order.fundStatus,
    issueStatus: order.issueStatus,
    inAbnormalPool: order.inAbnormalPool,
    underReview: order.underReview,
    lines: order.lines.map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      shippedQuantity: l.shippedQuantity,
      unitPrice: l.unitPrice.toJSON(),
    })),
    shippingFee: order.shippingFee.toJSON(),
    total: order.total.toJSON(),
    shippingCountry: order.shippingAddress.country,
    paymentMethod: order.paymentMethod,
    presale: order.presale,
    paidAt: order.paidAt.toISOString(),
    deadlines: {
      shipBy: order.shipBy.toISOString(),
      shipWarningAt: order.shipWarnAt?.toISOString() ?? null,
      shipWarnedAt: order.shipWarnedAt?.toISOString() ?? null,
      overdue: order.isOverdue(now),
      lateShipment: order.lateShipment,
      lateFlaggedAt: order.lateFlaggedAt?.toISOString() ?? null,
    },
    openFlags: order.openFlags.map((f) => ({ ...f, raisedAt: f.raisedAt.toISOString() })),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}
