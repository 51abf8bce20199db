import { Injectable, Logger } from '@nestjs/common';
import { requestContext } from '../http/request-context';
import { EventHandler, IncomingEvent } from './event-handler';

/** Routes incoming events to the handlers registered for their topic, each behind its context's inbox. */
@Injectable()
export class EventDispatcher {
  private readonly handlers: EventHandler[] = [];
  private readonly logger = new Logger(EventDispatcher.name);

  register(handler: EventHandler): void {
    if (this.handlers.some((h) => h.consumer === handler.consumer)) {
      throw new Error(`event handler '${handler.consumer}' registered twice`);
    }
    this.handlers.push(handler);
  }

  /** The contexts with handlers, and the topics each consumes. */
  subscriptions(): Map<string, string[]> {
    const byContext = new Map<string, string[]>();
    for (const h of this.handlers) {
      const topics = byContext.get(h.database.name) ?? [];
      if (!topics.includes(h.topic)) topics.push(h.topic);
      byContext.set(h.database.name, topics);
    }
    return byContext;
  }

  /** The consumers (inbox keys) an event of this topic and type is delivered to. */
  consumersOf(topic: string, type: string): string[] {
    return this.handlers
      .filter((h) => h.topic === topic && (!h.types || h.types.includes(type)))
      .map((h) => h.consumer);
  }

  /**
   * Throws when a handler fails, so the transport redelivers; handlers already done are skipped by
   * the inbox. `context` limits delivery to one context's handlers (its own consumer group).
   */
  async dispatch(event: IncomingEvent, context?: string): Promise<void> {
    for (const handler of this.handlers) {
      if (handler.topic !== event.topic) continue;
      if (context !== undefined && handler.database.name !== context) continue;
      if (handler.types && !handler.types.includes(event.type)) continue;
      await requestContext.run(
        {
          requestId: `event:${event.id}`,
          principal: { id: `consumer:${handler.consumer}`, kind: 'service', stores: '*', scopes: [] },
        },
        () =>
          handler.database.runIsolated(async (tx) => {
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
