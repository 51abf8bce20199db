import { Inject, Injectable, Logger } from '@nestjs/common';
import { Consumer, KafkaMessage } from 'kafkajs';
import { DomainError } from '@tradehub/kernel';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PlatformDatabase } from '../database/unit-of-work';
import { EventDispatcher } from './event-dispatcher';
import { KafkaConnection } from './kafka-connection';
import { KafkaSubscription } from './kafka-subscription';
import { toIncomingEvent } from './incoming-event';
import { backoff } from './backoff';

/** Deliveries of one message before it is parked as a dead letter. */
const MAX_ATTEMPTS = 5;

export type ConsumerState = 'joining' | 'running' | 'stopped';

/**
 * Runs the process's Kafka consumer groups: one per context that consumes events (group
 * `<group>.<context>`, so a context keeps its offsets whichever process runs it), plus the ones
 * other platform parts add (remote commands). Joining happens in the background, retried until
 * it succeeds: a restarted replica serves HTTP at once even while the group waits for a dead
 * member's session to expire. An offset is committed only after its handlers committed, so a
 * crash redelivers and the inbox absorbs the repeat.
 */
@Injectable()
export class KafkaConsumerRunner {
  private readonly logger = new Logger(KafkaConsumerRunner.name);
  private readonly extra: KafkaSubscription[] = [];
  private readonly consumers = new Map<string, { consumer: Consumer | null; state: ConsumerState }>();
  private readonly loops: Promise<void>[] = [];
  /** Failed deliveries per message position, for the dead-letter decision. */
  private readonly attempts = new Map<string, number>();
  private stopped = false;
  private stopping = new AbortController();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connection: KafkaConnection,
    private readonly dispatcher: EventDispatcher,
    private readonly platform: PlatformDatabase,
  ) {}

  /** Adds a subscription before start (remote commands and their replies). */
  add(subscription: KafkaSubscription): void {
    this.extra.push(subscription);
  }

  /** Starts every group in the background (event groups only for the worker role); returns at once. */
  start(options: { events: boolean }): void {
    if (!this.connection.kafka) return;
    this.stopped = false;
    this.stopping = new AbortController();
    for (const subscription of [...(options.events ? this.eventSubscriptions() : []), ...this.extra]) {
      this.consumers.set(subscription.group, { consumer: null, state: 'joining' });
      this.loops.push(this.keepJoining(subscription));
    }
  }

  /** Per group: joining, running or stopped (readiness reports it). */
  states(): Record<string, ConsumerState> {
    return Object.fromEntries([...this.consumers].map(([group, c]) => [group, c.state]));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    await Promise.all(
      [...this.consumers.values()].map(async (c) => {
        await c.consumer?.disconnect().catch(() => undefined);
        c.state = 'stopped';
      }),
    );
    // A loop still waiting on an unreachable broker is not waited for long; its consumer is already closed.
    await Promise.race([
      Promise.all(this.loops.splice(0)),
      new Promise((resolve) => setTimeout(resolve, 2_000).unref()),
    ]);
  }

  private eventSubscriptions(): KafkaSubscription[] {
    return [...this.dispatcher.subscriptions()].map(([context, topics]) => ({
      group: `${this.config.kafka.consumerGroup}.${context}`,
      topics,
      fromBeginning: true,
      handle: (topic, partition, message) => this.deliver(context, topic, partition, message),
    }));
  }

  /** Topic creation and subscribing both sit inside the retry loop: a fresh broker may deny either for a while. */
  private async keepJoining(subscription: KafkaSubscription): Promise<void> {
    const entry = this.consumers.get(subscription.group)!;
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.connection.ensureTopics(subscription.topics, subscription.topicConfig);
        const consumer = this.connection.kafka!.consumer({
          groupId: subscription.group,
          // kafkajs restarts a crashed consumer by itself; never once this process is stopping, or a
          // consumer restarted after its disconnect would live on (and keep the process alive).
          retry: {
            retries: 6,
            initialRetryTime: 200,
            maxRetryTime: 2_000,
            restartOnFailure: async () => !this.stopped,
          },
          maxWaitTimeInMs: 100,
        });
        entry.consumer = consumer;
        consumer.on(consumer.events.GROUP_JOIN, () => {
          entry.state = 'running';
          subscription.onJoined?.();
        });
        // A stop that came while a step was under way finds this consumer after the step: close it here.
        await consumer.connect();
        if (this.stopped) break;
        await consumer.subscribe({
          topics: [...subscription.topics],
          fromBeginning: subscription.fromBeginning,
        });
        if (this.stopped) break;
        await consumer.run({
          eachMessage: ({ topic, partition, message }) => subscription.handle(topic, partition, message),
        });
        if (this.stopped) break;
        this.logger.log(`consuming ${subscription.topics.join(', ')} as ${subscription.group}`);
        return;
      } catch (error) {
        await entry.consumer?.disconnect().catch(() => undefined);
        entry.consumer = null;
        if (this.stopped) break;
        this.logger.warn(
          `${subscription.group}: joining failed (attempt ${attempt}), retrying: ${String(error)}`,
        );
        await backoff(attempt, this.stopping.signal);
      }
    }
    await entry.consumer?.disconnect().catch(() => undefined);
    entry.consumer = null;
    entry.state = 'stopped';
  }

  /**
   * Unreadable messages and messages the rules refuse can never succeed; other failures (a
   * conflict, another context unavailable, the database) are retried, up to MAX_ATTEMPTS, then
   * parked as dead letters. Either way one bad message never
   * blocks the orders behind it on its partition.
   */
  private async deliver(
    context: string,
    topic: string,
    partition: number,
    message: KafkaMessage,
  ): Promise<void> {
    const position = `${context}:${topic}/${partition}/${message.offset}`;
    let event;
    try {
      event = toIncomingEvent(topic, partition, message);
    } catch (error) {
      return this.deadLetter(topic, partition, message, `unreadable: ${String(error)}`, 1);
    }
    try {
      await this.dispatcher.dispatch(event, context);
      this.attempts.delete(position);
    } catch (error) {
      // A refusal can never succeed; a conflict or another context not answering now may.
      if (error instanceof DomainError && error.kind !== 'conflict' && error.kind !== 'unavailable') {
        this.logger.warn(`rejected ${event.type} ${event.id}: ${error.message} (${error.field ?? 'body'})`);
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
    this.logger.warn(
      `dead letter ${topic}/${partition}/${message.offset} after ${attempts} attempt(s): ${error}`,
    );
    await this.platform.runIsolated(async (tx) => {
      await tx.query(
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
      );
      tx.audit({
        action: 'dead-letter.parked',
        subjectType: 'dead-letter',
        subjectId: `${topic}/${partition}/${message.offset}`,
        changes: { error: { from: null, to: error.slice(0, 500) } },
      });
    });
  }
}
