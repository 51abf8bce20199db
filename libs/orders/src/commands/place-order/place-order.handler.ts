import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { CLOCK, type Clock, Money } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { Order, PlaceOrderInput } from '../../domain/order';
import { ForeignStorefrontOrder, SellerAccountClosed } from '../../domain/order.errors';
import { ClosedSellerRepository } from '../../database/closed-sellers.repository';
import { OrderRepository } from '../../database/order.repository';
import { ORDERS_CONFIG, type OrdersConfig } from '../../orders.config';
import { OrderRefusals } from './order-refusals';
import { PlaceOrderCommand, PlaceOrderResult } from './place-order.command';
import { CHANNELS, PlaceOrderRequest } from './place-order.request.dto';

/**
 * ORD-1: idempotent on the marketplace order id, also under concurrent duplicate deliveries.
 * CMP-4: a closed seller's new order is refused, and checkout hears of it (OrderRefusals).
 */
@CommandHandler(PlaceOrderCommand)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand, PlaceOrderResult> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly closedSellers: ClosedSellerRepository,
    private readonly refusals: OrderRefusals,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  async execute({ request }: PlaceOrderCommand): Promise<PlaceOrderResult> {
    if (!(CHANNELS as readonly string[]).includes(request.channel))
      throw new ForeignStorefrontOrder(request.channel);
    const input = toInput(request);
    try {
      return await this.uow.run(async (tx) => {
        const existing = await this.orders.findByMarketplaceId(tx, request.marketplaceOrderId);
        if (existing) return { orderId: existing.id, created: false, order: existing };
        // CMP-4: an order taken before the closure is still answered above; a new one is not taken.
        if (await this.closedSellers.isClosed(tx, request.sellerId))
          throw new SellerAccountClosed(request.sellerId);
        const order = Order.place(input, this.clock.now(), this.config);
        tx.save(order);
        return { orderId: order.id, created: true, order };
      });
    } catch (error) {
      if (error instanceof SellerAccountClosed) await this.refusals.refuse(request, error);
      // The same marketplace order committed first on another request: answer with it.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      const winner = await this.orders.findByMarketplaceId(this.uow.reader(), request.marketplaceOrderId);
      if (!winner) throw error;
      return { orderId: winner.id, created: false, order: winner };
    }
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
