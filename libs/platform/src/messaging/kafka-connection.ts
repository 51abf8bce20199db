import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Admin, Kafka, logLevel, LogEntry, Partitioners, Producer } from 'kafkajs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** The one Kafka client of the process: an idempotent producer and an admin, opened on demand. */
@Injectable()
export class KafkaConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Kafka');
  readonly kafka: Kafka | null;
  private producer: Promise<Producer> | null = null;
  private admin: Promise<Admin> | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.kafka = config.kafka.brokers
      ? new Kafka({
          clientId: config.kafka.clientId,
          brokers: config.kafka.brokers,
          logLevel: logLevel.WARN,
          logCreator: () => (entry: LogEntry) => this.log(entry),
          retry: { retries: 8, initialRetryTime: 200 },
        })
      : null;
  }

  get enabled(): boolean {
    return this.kafka !== null;
  }

  getProducer(): Promise<Producer> {
    this.producer ??= this.open(() =>
      this.client().producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      }),
    );
    return this.producer;
  }

  getAdmin(): Promise<Admin> {
    this.admin ??= this.open(() => this.client().admin());
    return this.admin;
  }

  /** Creates missing topics; existing ones are left alone. */
  async ensureTopics(topics: readonly string[], partitions = 6): Promise<void> {
    const admin = await this.getAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: -1 })),
      });
    }
    await waitForTopicLeaders(admin, [...new Set(topics)]);
  }

  async ping(): Promise<void> {
    const admin = await this.getAdmin();
    await admin.describeCluster();
  }

  async onApplicationShutdown(): Promise<void> {
    const closing: Promise<void>[] = [];
    if (this.producer) closing.push(this.producer.then((p) => p.disconnect()).catch(() => undefined));
    if (this.admin) closing.push(this.admin.then((a) => a.disconnect()).catch(() => undefined));
    await Promise.all(closing);
  }

  private client(): Kafka {
    if (!this.kafka) throw new Error('Kafka is not configured (KAFKA_BROKERS)');
    return this.kafka;
  }

  /** Connects; a failed connect is forgotten so the next call tries again. */
  private open<T extends { connect(): Promise<void> }>(make: () => T): Promise<T> {
    const client = make();
    const opening = client.connect().then(() => client);
    opening.catch(() => {
      if (this.producer === (opening as unknown)) this.producer = null;
      if (this.admin === (opening as unknown)) this.admin = null;
    });
    return opening;
  }

  private log({ level, log }: LogEntry): void {
    // Retries are bounded on purpose so a dead broker fails the relay's batch (and its transaction) instead of
    // hanging it; duplicates that a retry may cause are absorbed by consumers' inboxes (dedupe by event id).
    if (log.message.startsWith('Limiting retries for the idempotent producer')) return;
    const message = `${log.message}${log.error ? `: ${String(log.error)}` : ''}`;
    if (level <= logLevel.ERROR) this.logger.error(message);
    else this.logger.warn(message);
  }
}

/** Until every partition of the topics has a leader in the broker's metadata (a fresh topic takes a moment). */
export async function waitForTopicLeaders(admin: Admin, topics: string[]): Promise<void> {
  for (let attempt = 1; attempt <= 40; attempt++) {
    const ready = await admin
      .fetchTopicMetadata({ topics })
      .then((m) => m.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
      .catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
