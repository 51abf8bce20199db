import { CommandBus } from '@nestjs/cqrs';
import { ValidationError } from '@tradehub/kernel';
import { type FakeShipmentConfirmedV1, FulfillmentEvents } from '@tradehub/fulfillment/contract';
import type { EventHandler, IncomingEvent, UnitOfWork } from '@tradehub/platform';
import { RecordPenaltyCaseCommand } from '../commands/record-case/record-penalty-case';

const FIELDS = ['storeId', 'orderId', 'packageId', 'taskId', 'reason', 'decidedBy'] as const;

/**
 * FUL-6 -> CMP-4: each fake shipment a reviewer confirmed becomes a penalty case. A store whose
 * seller the directory does not know yet fails the delivery, so the event comes again later.
 */
export function fakeShipmentReaction(
  topic: string,
  database: UnitOfWork,
  commands: CommandBus,
): EventHandler {
  return {
    consumer: 'compliance.penalties',
    topic,
    database,
    types: [FulfillmentEvents.FakeShipmentConfirmed],
    async handle(event: IncomingEvent): Promise<void> {
      const data = event.data as Partial<Record<keyof FakeShipmentConfirmedV1, unknown>>;
      // A malformed event can never succeed: refused (logged and skipped), not retried.
      for (const field of FIELDS)
        if (typeof data[field] !== 'string' || data[field] === '')
          throw new ValidationError('must be a non-empty string', field);
      const v = data as FakeShipmentConfirmedV1;
      await commands.execute(
        new RecordPenaltyCaseCommand({
          storeId: v.storeId,
          orderId: v.orderId,
          packageId: v.packageId,
          taskId: v.taskId,
          reason: v.reason,
          confirmedBy: v.decidedBy,
          confirmedAt: event.time,
        }),
      );
    },
  };
}
