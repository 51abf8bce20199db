import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DATABASE_URL } from './database/context-database';
import { PlatformDatabase } from './database/unit-of-work';
import { KafkaConnection } from './messaging/kafka-connection';
import { KafkaConsumerRunner } from './messaging/kafka-consumer-runner';
import { OutboxRelay } from './messaging/outbox-relay';
import { RemoteCalls } from './messaging/remote-calls';
import { backoff } from './messaging/backoff';
import { Topics } from './messaging/topics';
import { SandboxClock } from './clock/sandbox-clock';
import { TimerLoop } from './timers/timer-loop';
import { TimerSweeper } from './timers/timer-sweeper';

/**
 * The background work: outbox relay, Kafka consumers and the timer sweep (worker role), and the
 * consumers of remote calls and their replies (any role). Started after every module registered
 * its handlers, without waiting for Kafka: topics and consumer groups are set up in the
 * background and retried, so HTTP is served at once. Stopped before the pools close.
 */
@Injectable()
export class Workers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(Workers.name);
  private timerLoop: TimerLoop | undefined;
  private readonly stopping = new AbortController();
  private topicSetup: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly platform: PlatformDatabase,
    private readonly kafka: KafkaConnection,
    private readonly topics: Topics,
    private readonly relay: OutboxRelay,
    private readonly consumers: KafkaConsumerRunner,
    private readonly sweeper: TimerSweeper,
    private readonly remote: RemoteCalls,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.clock instanceof SandboxClock) await this.clock.refresh(this.platform.reader());
    const worker = this.config.roles.has('worker');
    if (this.kafka.enabled) {
      this.kafka.watch();
      this.topicSetup = this.createTopics();
    }
    this.consumers.start({ events: worker });
    if (!worker) return;
    await this.relay.start(this.databaseUrl);
    const sandbox = this.clock instanceof SandboxClock ? this.clock : undefined;
    this.timerLoop = new TimerLoop({
      sweeper: this.sweeper,
      clock: this.clock,
      pollMs: this.config.timers.pollMs,
      realTime: !sandbox,
      beforeSweep: sandbox && (() => sandbox.refresh(this.platform.reader()).then(() => undefined)),
    });
    this.timerLoop.start();
    this.logger.log(`worker started (events: ${this.kafka.enabled ? 'kafka' : 'in-process'})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    this.kafka.quiesce();
    await this.timerLoop?.stop();
    await this.consumers.stop();
    await this.relay.stop();
    await Promise.race([this.topicSetup, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
  }

  /** The topics this process publishes to, retried until the broker has them all. */
  private async createTopics(): Promise<void> {
    const topics = [
      ...[...this.config.contexts].map((c) => this.topics.forContext(c)),
      ...this.remote.calledTopics(),
    ];
    for (let attempt = 1; !this.stopping.signal.aborted; attempt++) {
      try {
        await this.kafka.ensureTopics(topics);
        return;
      } catch (error) {
        this.logger.warn(`creating topics failed (attempt ${attempt}), retrying: ${String(error)}`);
        await backoff(attempt, this.stopping.signal);
      }
    }
  }
}
