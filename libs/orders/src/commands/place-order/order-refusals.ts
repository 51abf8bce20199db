import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, type DomainError } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { OrderEvents, type OrderRefusedV1, ORDERS_CONTEXT } from '../../contract';
import { ClosedSellerRepository } from '../../database/closed-sellers.repository';
import type { PlaceOrderRequest } from './place-order.request.dto';

/**
 * ORD-1, CMP-4: checkout hears of a paid order that did not enter (`order-refused`), once per
 * marketplace order id. Its own transaction: the ingest that refused it rolls back (and on the
 * checkout topic, so does the consumer's inbox record), but the refusal must stay.
 */
@Injectable()
export class OrderRefusals {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sellers: ClosedSellerRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async refuse(request: PlaceOrderRequest, why: DomainError): Promise<void> {
    await this.uow.runIsolated(async (tx) => {
      const now = this.clock.now();
      const { marketplaceOrderId, sellerId, storeId } = request;
      if (
        !(await this.sellers.recordRefusal(
          tx,
          { marketplaceOrderId, sellerId, storeId, code: why.code },
          now,
        ))
      )
        return;
      const payload: OrderRefusedV1 = {
        marketplaceOrderId,
        sellerId,
        mainAccountId: request.mainAccountId,
        storeId,
        buyerId: request.buyerId,
        code: why.code,
        reason: why.message,
        refusedAt: now.toISOString(),
      };
      tx.publish(
        [
          {
            type: OrderEvents.OrderRefused,
            schemaVersion: 1,
            context: ORDERS_CONTEXT,
            // The order has no tradehub id: checkout's own id names it (subject and key).
            aggregateType: 'marketplace-order',
            aggregateId: marketplaceOrderId,
            occurredAt: now,
            payload,
          },
        ],
        {
          action: 'order.refused',
          subjectType: 'marketplace-order',
          subjectId: marketplaceOrderId,
          storeId,
          changes: { code: { from: null, to: why.code }, sellerId: { from: null, to: sellerId } },
        },
      );
    });
  }
}
