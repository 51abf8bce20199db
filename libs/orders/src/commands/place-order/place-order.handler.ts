import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, Money } from '@tradehub/kernel';
import { APP_CONFIG, type AppConfig, AuditLog, Timers, UnitOfWork } from '@tradehub/platform';
import { Order, PlaceOrderInput } from '../../domain/order';
import { foreignStorefront } from '../../domain/order.errors';
import { OrderRepository } from '../../database/order.repository';
import { scheduleShipDeadlines } from '../ship-deadline/ship-deadline.timers';
import { PlaceOrderCommand, PlaceOrderResult } from './place-order.command';
import { CHANNELS, PlaceOrderRequest } from './place-order.request.dto';

/** ORD-1: idempotent on the marketplace order id, also under concurrent duplicate deliveries. */
@CommandHandler(PlaceOrderCommand)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand, PlaceOrderResult> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly timers: Timers,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ request }: PlaceOrderCommand): Promise<PlaceOrderResult> {
    if (!(CHANNELS as readonly string[]).includes(request.channel)) throw foreignStorefront(request.channel);
    const input = toInput(request);
    return this.uow.run(async (tx) => {
      const existing = await this.orders.findByMarketplaceId(tx, request.marketplaceOrderId);
      if (existing) return { orderId: existing.id, created: false };
      const now = this.clock.now();
      const order = Order.place(input, now, this.config.orders);
      if (!(await this.orders.insert(tx, order))) {
        const winner = await this.orders.findByMarketplaceId(tx, request.marketplaceOrderId);
        return { orderId: winner!.id, created: false };
      }
      await scheduleShipDeadlines(this.timers, tx, order);
      await this.audit.record(tx, {
        action: 'order.placed',
        subjectType: 'order',
        subjectId: order.id,
        storeId: order.storeId,
        changes: { status: order.snapshot.status },
      });
      return { orderId: order.id, created: true };
    });
  }
}

function toInput(r: PlaceOrderRequest): PlaceOrderInput {
  return {
    marketplaceOrderId: r.marketplaceOrderId,
    sellerId: r.sellerId,
    mainAccountId: r.mainAccountId,
    storeId: r.storeId,
    buyerId: r.buyerId,
    lines: r.lines.map((l, i) => ({
      lineId: l.lineId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPrice: Money.parse(l.unitPrice.minor, l.unitPrice.currency, `lines[${i}].unitPrice`),
    })),
    shippingFee: Money.parse(r.shippingFee.minor, r.shippingFee.currency, 'shippingFee'),
    shippingAddress: { ...r.shippingAddress },
    paymentMethod: r.paymentMethod,
    paymentCountry: r.paymentCountry,
    paidAt: new Date(r.paidAt),
    presale: r.presale ? { shipBy: new Date(r.presale.shipBy) } : null,
  };
}
