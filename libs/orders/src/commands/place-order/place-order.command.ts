import { Command } from '@nestjs/cqrs';
import { PlaceOrderRequest } from './place-order.request.dto';

export interface PlaceOrderResult {
  orderId: string;
  /** False when the marketplace order was already ingested (ORD-1 idempotency). */
  created: boolean;
}

/** ORD-1: ingest a paid order. */
export class PlaceOrderCommand extends Command<PlaceOrderResult> {
  constructor(readonly request: PlaceOrderRequest) {
    super();
  }
}
