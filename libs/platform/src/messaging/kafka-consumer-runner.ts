import { Inject, Injectable, Logger } from '@nestjs/common';
import { Consumer, KafkaMessage } from 'kafkajs';
import { DomainError } from '@tradehub/kernel';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EventDispatcher } from './event-dispatcher';
import { IncomingEvent } from './event-handler';
import { KafkaConnection } from './kafka-connection';
import { UnitOfWork } from '../database/unit-of-work';
import { jsonNestsDeeperThan, TOO_DEEP_MESSAGE } from '../http/json-depth';

/** Deliveries of one message before it is parked as a dead letter. */
const MAX_ATTEMPTS = 5;

/**
 * Feeds Kafka messages of every subscribed topic to the dispatcher. An offset is committed only
 * after its handlers committed, so a crash redelivers and the inbox absorbs the repeat.
 */
@Injectable()
export class KafkaConsumerRunner {
  private readonly logger = new Logger(KafkaConsumerRunner.name);
  private consumer: Consumer | null = null;
  /** Failed deliveries per message position, for the dead-letter decision. */
  private readonly attempts = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connection: KafkaConnection,
    private readonly dispatcher: EventDispatcher,
    private readonly uow: UnitOfWork,
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
      eachMessage: ({ topic, partition, message }) => this.handle(topic, partition, message),
    });
  }

  /**
   * Unreadable messages and messages the rules refuse can never succeed; other failures are
   * retried, up to MAX_ATTEMPTS, then parked as dead letters. Either way one bad message never
   * blocks the orders behind it on its partition.
   */
  private async handle(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const position = `${topic}/${partition}/${message.offset}`;
    let event: IncomingEvent;
    try {
      event = toIncomingEvent(topic, partition, message);
    } catch (error) {
      return this.deadLetter(topic, partition, message, `unreadable: ${String(error)}`, 1);
    }
    try {
      await this.dispatcher.dispatch(event);
      this.attempts.delete(position);
    } catch (error) {
      if (error instanceof DomainError && error.kind !== 'conflict') {
        this.logger.error(`rejected ${event.type} ${event.id}: ${error.message} (${error.field ?? 'body'})`);
        return;
      }
      const attempts = (this.attempts.get(position) ?? 0) + 1;
      if (attempts < MAX_ATTEMPTS) {
        this.attempts.set(position, attempts);
        throw error;
      }
      this.attempts.delete(position);
      await this.deadLetter(topic, partition, message, String(error), attempts);
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: string,
    attempts: number,
  ): Promise<void> {
    this.logger.error(
      `dead letter ${topic}/${partition}/${message.offset} after ${attempts} attempt(s): ${error}`,
    );
    await this.uow.runIsolated((tx) =>
      tx.query(
        `insert into platform.dead_letters (topic, partition, "offset", key, value, error, attempts)
         values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
        [
          topic,
          partition,
          message.offset,
          message.key?.toString() ?? null,
          message.value?.toString('utf8') ?? null,
          error.slice(0, 4000),
          attempts,
        ],
      ),
    );
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
  const text = message.value?.toString('utf8');
  // Bounded before parsing, like a request body: validation walks the data recursively.
  if (text && jsonNestsDeeperThan(text)) throw new Error(`the message ${TOO_DEEP_MESSAGE}`);
  const body: unknown = text !== undefined ? JSON.parse(text) : {};
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
