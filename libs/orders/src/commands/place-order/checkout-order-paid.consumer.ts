import { CommandBus } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ValidationError } from '@tradehub/kernel';
import { EventHandler, IncomingEvent } from '@tradehub/platform';
import { PlaceOrderCommand } from './place-order.command';
import { PlaceOrderRequest } from './place-order.request.dto';

/**
 * ORD-1: checkout's paid-order events, validated exactly like the REST ingest. Malformed
 * messages are rejected (logged, skipped) instead of blocking the partition.
 */
export function checkoutOrderPaidConsumer(topic: string, commands: CommandBus): EventHandler {
  return {
    consumer: 'orders.checkout-order-paid',
    topic,
    async handle(event: IncomingEvent): Promise<void> {
      const request = plainToInstance(PlaceOrderRequest, event.data);
      const errors = await validate(request, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length > 0) {
        const first = errors[0];
        throw new ValidationError(
          Object.values(first.constraints ?? { invalid: 'is invalid' }).join(', '),
          first.property,
        );
      }
      await commands.execute(new PlaceOrderCommand(request));
    },
  };
}
