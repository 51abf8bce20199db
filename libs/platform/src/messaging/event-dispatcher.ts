import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { requestContext } from '../http/request-context';
import { EventHandler, IncomingEvent } from './event-handler';

/** Routes incoming events to the handlers registered for their topic, each behind the inbox. */
@Injectable()
export class EventDispatcher {
  private readonly handlers: EventHandler[] = [];
  private readonly logger = new Logger(EventDispatcher.name);

  constructor(private readonly uow: UnitOfWork) {}

  register(handler: EventHandler): void {
    if (this.handlers.some((h) => h.consumer === handler.consumer)) {
      throw new Error(`event handler '${handler.consumer}' registered twice`);
    }
    this.handlers.push(handler);
  }

  topics(): string[] {
    return [...new Set(this.handlers.map((h) => h.topic))];
  }

  /** Throws when a handler fails, so the transport redelivers; handlers already done are skipped by the inbox. */
  async dispatch(event: IncomingEvent): Promise<void> {
    for (const handler of this.handlers) {
      if (handler.topic !== event.topic) continue;
      if (handler.types && !handler.types.includes(event.type)) continue;
      await requestContext.run(
        {
          requestId: `event:${event.id}`,
          principal: { id: `consumer:${handler.consumer}`, kind: 'service', stores: '*', scopes: [] },
        },
        () =>
          this.uow.runIsolated(async (tx) => {
            const fresh = await tx.query(
              `insert into platform.inbox (consumer, event_id) values (?, ?) on conflict do nothing returning event_id`,
              [handler.consumer, event.id],
            );
            if (fresh.length === 0) return;
            await handler.handle(event, tx);
          }),
      );
      this.logger.debug(`handled ${event.type} ${event.id} by ${handler.consumer}`);
    }
  }
}
