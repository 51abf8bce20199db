import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@tradehub/kernel';
import { PlatformDatabase } from '../database/unit-of-work';
import { EventDispatcher } from './event-dispatcher';
import { EventPublisher, OutboxMessage } from './outbox-message';

const MAX_ATTEMPTS = 5;

/**
 * With no Kafka configured, the relay delivers the same outbox rows straight to this process's
 * consumers, with Kafka's semantics: a failing handler is retried a few times, then the event is
 * parked as a dead letter; one bad event never holds back the events behind it.
 */
@Injectable()
export class InProcessPublisher implements EventPublisher {
  private readonly logger = new Logger(InProcessPublisher.name);

  constructor(
    private readonly dispatcher: EventDispatcher,
    private readonly platform: PlatformDatabase,
  ) {}

  async publish(messages: readonly OutboxMessage[]): Promise<void> {
    for (const m of messages) {
      const data = JSON.parse(m.payloadJson) as Record<string, unknown>;
      const event = {
        id: m.id,
        type: m.type,
        topic: m.topic,
        key: m.key,
        source: m.source,
        subject: m.subject,
        time: new Date(m.time),
        schemaVersion: m.schemaVersion,
        data,
      };
      for (let attempt = 1; ; attempt++) {
        try {
          await this.dispatcher.dispatch(event);
          break;
        } catch (error) {
          // As on Kafka: a refusal is final; a conflict or an unavailable context is tried again.
          if (error instanceof DomainError && error.kind !== 'conflict' && error.kind !== 'unavailable') {
            this.logger.warn(`rejected ${m.type} ${m.id}: ${error.message}`);
            break;
          }
          if (attempt >= MAX_ATTEMPTS) {
            await this.deadLetter(m, data, String(error), attempt);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
        }
      }
    }
  }

  private async deadLetter(
    m: OutboxMessage,
    data: Record<string, unknown>,
    error: string,
    attempts: number,
  ): Promise<void> {
    this.logger.warn(`dead letter ${m.type} ${m.id} after ${attempts} attempts: ${error}`);
    await this.platform.runIsolated(async (tx) => {
      await tx.query(
        `insert into platform.dead_letters (topic, partition, "offset", key, value, error, attempts)
         values (?, -1, ?, ?, ?, ?, ?) on conflict do nothing`,
        [m.topic, m.id, m.key, JSON.stringify({ type: m.type, data }), error.slice(0, 4000), attempts],
      );
      tx.audit({
        action: 'dead-letter.parked',
        subjectType: 'dead-letter',
        subjectId: m.id,
        changes: { error: { from: null, to: error.slice(0, 500) } },
      });
    });
  }
}
