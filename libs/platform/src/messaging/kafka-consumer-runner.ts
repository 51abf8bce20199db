import { Inject, Injectable, Logger } from '@nestjs/common';
import { Consumer, KafkaMessage } from 'kafkajs';
import { DomainError } from '@tradehub/kernel';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EventDispatcher } from './event-dispatcher';
import { IncomingEvent } from './event-handler';
import { KafkaConnection } from './kafka-connection';

/**
 * Feeds Kafka messages of every subscribed topic to the dispatcher. An offset is committed only
 * after its handlers committed, so a crash redelivers and the inbox absorbs the repeat.
 */
@Injectable()
export class KafkaConsumerRunner {
  private readonly logger = new Logger(KafkaConsumerRunner.name);
  private consumer: Consumer | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connection: KafkaConnection,
    private readonly dispatcher: EventDispatcher,
  ) {}

  async start(): Promise<void> {
    const topics = this.dispatcher.topics();
    if (!this.connection.kafka || topics.length === 0) return;
    await this.connection.ensureTopics(topics);
    // A broker that just created the topics may still deny them for a moment; that is no reason to fail the start.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.subscribe(topics);
        break;
      } catch (error) {
        await this.consumer?.disconnect().catch(() => undefined);
        if (attempt >= 10) throw error;
        this.logger.warn(`subscribing failed (attempt ${attempt}), retrying: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
    this.logger.log(`consuming ${topics.join(', ')} as ${this.config.kafka.consumerGroup}`);
  }

  private async subscribe(topics: string[]): Promise<void> {
    this.consumer = this.connection.kafka!.consumer({
      groupId: this.config.kafka.consumerGroup,
      retry: { retries: 10 },
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        let event: IncomingEvent;
        try {
          event = toIncomingEvent(topic, partition, message);
        } catch (error) {
          // A message that is not JSON can never succeed; blocking the partition on it would stop every order behind it.
          this.logger.error(
            `skipped unreadable message ${topic}/${partition}/${message.offset}: ${String(error)}`,
          );
          return;
        }
        try {
          await this.dispatcher.dispatch(event);
        } catch (error) {
          if (error instanceof DomainError && error.kind !== 'conflict') {
            // A message the rules refuse stays refused on every retry; a concurrency conflict is worth retrying.
            this.logger.error(
              `rejected ${event.type} ${event.id}: ${error.message} (${error.field ?? 'body'})`,
            );
            return;
          }
          throw error;
        }
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }
}

/**
 * Our own events carry CloudEvents headers and a `{schemaVersion, data}` body; other teams'
 * plain JSON messages are taken whole, identified by their position in the log.
 */
export function toIncomingEvent(topic: string, partition: number, message: KafkaMessage): IncomingEvent {
  const header = (name: string): string | undefined => message.headers?.[name]?.toString();
  const body: unknown = message.value ? JSON.parse(message.value.toString('utf8')) : {};
  const ceId = header('ce_id');
  const wrapped = ceId !== undefined && isRecord(body) && isRecord(body.data);
  return {
    id: ceId ?? `${topic}/${partition}/${message.offset}`,
    type: header('ce_type') ?? topic,
    topic,
    key: message.key?.toString() ?? '',
    source: header('ce_source') ?? topic,
    subject: header('ce_subject') ?? '',
    time: new Date(header('ce_time') ?? Number(message.timestamp)),
    schemaVersion: Number(header('ce_dataschemaversion') ?? (isRecord(body) ? (body.schemaVersion ?? 1) : 1)),
    data: wrapped ? (body.data as Record<string, unknown>) : isRecord(body) ? body : { value: body },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
