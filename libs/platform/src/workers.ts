import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { UnitOfWork } from './database/unit-of-work';
import { KafkaConnection } from './messaging/kafka-connection';
import { KafkaConsumerRunner } from './messaging/kafka-consumer-runner';
import { OutboxRelay } from './messaging/outbox-relay';
import { Topics } from './messaging/topics';
import { SandboxClock } from './clock/sandbox-clock';
import { TimerSweeper } from './timers/timer-sweeper';

export const DATABASE_URL = Symbol('DatabaseUrl');
export const CONTEXT_NAMES = [
  'orders',
  'fulfillment',
  'settlement',
  'disputes',
  'reviews',
  'compliance',
] as const;

/**
 * The worker role: outbox relay, Kafka consumers and the timer sweep. Started after every
 * module registered its handlers; stopped before the database closes, draining the relay.
 */
@Injectable()
export class Workers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(Workers.name);
  private sweeping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly kafka: KafkaConnection,
    private readonly topics: Topics,
    private readonly relay: OutboxRelay,
    private readonly consumers: KafkaConsumerRunner,
    private readonly sweeper: TimerSweeper,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.clock instanceof SandboxClock) await this.clock.refresh(this.uow.reader());
    if (this.kafka.enabled)
      await this.kafka.ensureTopics(CONTEXT_NAMES.map((c) => this.topics.forContext(c)));
    if (!this.config.roles.has('worker')) return;
    await this.relay.start(this.databaseUrl);
    await this.consumers.start();
    this.scheduler.addInterval(
      'timer-sweep',
      setInterval(() => void this.sweep(), this.config.timers.pollMs),
    );
    this.logger.log(`worker started (events: ${this.kafka.enabled ? 'kafka' : 'in-process'})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', 'timer-sweep')) this.scheduler.deleteInterval('timer-sweep');
    await this.consumers.stop();
    await this.relay.stop();
  }

  private async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      if (this.clock instanceof SandboxClock) await this.clock.refresh(this.uow.reader());
      await this.sweeper.fireDue(this.clock.now());
    } catch (error) {
      this.logger.error(`timer sweep failed: ${String(error)}`);
    } finally {
      this.sweeping = false;
    }
  }
}
