import { CommandBus } from '@nestjs/cqrs';
import { EventHandler, IncomingEvent, UnitOfWork, validateMessage } from '@tradehub/platform';
import { RecordTrackingEventCommand } from './record-tracking-event.command';
import { TrackingEventRequest } from './tracking-event.request.dto';

/** The logistics team's tracking feed; validated like the REST endpoint, deduplicated by the inbox and by event id. */
export function logisticsTrackingConsumer(
  topic: string,
  commands: CommandBus,
  database: UnitOfWork,
): EventHandler {
  return {
    consumer: 'fulfillment.logistics-tracking',
    topic,
    database,
    async handle(event: IncomingEvent): Promise<void> {
      await commands.execute(
        new RecordTrackingEventCommand(await validateMessage(TrackingEventRequest, event.data)),
      );
    },
  };
}
