import type { Order } from '../../domain/order';
import { Command } from '@nestjs/cqrs';
import { PlaceOrderRequest } from './place-order.request.dto';

export interface PlaceOrderResult {
  orderId: string;
  /** False when the marketplace order was already ingested (ORD-1 idempotency). */
  created: boolean;
  /** The order as committed (or as found): the answer needs no second read. */
  order: Order;
}

/** ORD-1: ingest a paid order. */
export class PlaceOrderCommand extends Command<PlaceOrderResult> {
  constructor(readonly request: PlaceOrderRequest) {
    super();
  }
}
