import { Injectable } from '@nestjs/common';
import { EventDispatcher } from './event-dispatcher';
import { EventPublisher, OutboxMessage } from './outbox-message';

/** With no Kafka configured, the relay delivers the same outbox rows straight to this process's consumers. */
@Injectable()
export class InProcessPublisher implements EventPublisher {
  constructor(private readonly dispatcher: EventDispatcher) {}

  async publish(messages: readonly OutboxMessage[]): Promise<void> {
    for (const m of messages) {
      await this.dispatcher.dispatch({
        id: m.id,
        type: m.type,
        topic: m.topic,
        key: m.key,
        source: m.source,
        subject: m.subject,
        time: m.occurredAt,
        schemaVersion: m.schemaVersion,
        data: m.payload,
      });
    }
  }
}
