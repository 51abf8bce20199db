import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Admin, Kafka, logLevel, LogEntry, Partitioners, Producer } from 'kafkajs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { wallClockMs } from '../clock/wall-clock';

export interface KafkaHealth {
  status: 'up' | 'down' | 'unknown';
  /** When the status last changed (wall time, ms). */
  since: number;
  error?: string;
}

/** How often the broker is probed in the background, so readiness answers from what is known. */
const PROBE_MS = 5_000;
const PROBE_TIMEOUT_MS = 3_000;

/** The one Kafka client of the process: an idempotent producer and an admin, opened on demand. */
@Injectable()
export class KafkaConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Kafka');
  readonly kafka: Kafka | null;
  private producer: Promise<Producer> | null = null;
  private admin: Promise<Admin> | null = null;
  private state: KafkaHealth = { status: 'unknown', since: 0 };
  private probe: NodeJS.Timeout | null = null;
  private creating: Promise<unknown> = Promise.resolve();
  /** After shutdown, what kafkajs still says of connections it was abandoning is not news. */
  private closing = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.kafka = config.kafka.brokers
      ? new Kafka({
          clientId: config.kafka.clientId,
          brokers: config.kafka.brokers,
          logLevel: logLevel.WARN,
          logCreator: () => (entry: LogEntry) => this.log(entry),
          // Bounded: a dead broker fails a publish within seconds (the relay retries later) and never holds a shutdown long.
          retry: { retries: 6, initialRetryTime: 200, maxRetryTime: 2_000 },
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

  /**
   * Creates missing topics and waits for their leaders; existing ones are left alone. One call at a
   * time in the process, so two parts starting together do not race to create the same topic.
   */
  ensureTopics(
    topics: readonly string[],
    configEntries: readonly { name: string; value: string }[] = [],
    partitions = 6,
  ): Promise<void> {
    const run = this.creating.then(() => this.createTopics(topics, configEntries, partitions));
    this.creating = run.catch(() => undefined);
    return run;
  }

  private async createTopics(
    topics: readonly string[],
    configEntries: readonly { name: string; value: string }[],
    partitions: number,
  ): Promise<void> {
    const admin = await this.getAdmin();
    // kafkajs reconnects a disconnected admin to answer, and retries for seconds after the app closed.
    if (this.shutDown) throw new Error('Kafka connection is closing');
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: partitions,
          replicationFactor: -1,
          configEntries: [...configEntries],
        })),
      });
    }
    if (!(await waitForTopicLeaders(admin, [...new Set(topics)], () => this.shutDown)))
      throw new Error(`topics have no leaders yet: ${topics.join(', ')}`);
  }

  /** What the process knows of the broker now, without asking it (readiness). */
  health(): KafkaHealth {
    return this.state;
  }

  /** The relay and the probe report what they saw. */
  report(ok: boolean, error?: unknown): void {
    const status = ok ? 'up' : 'down';
    const since = status === this.state.status ? this.state.since : wallClockMs();
    this.state = ok ? { status, since } : { status, since, error: String(error) };
  }

  /** Probes the broker in the background from now on. */
  watch(): void {
    if (!this.kafka || this.probe) return;
    const check = (): void => {
      if (this.shutDown || this.probing) return;
      const timeout = new Promise((_, reject) =>
        setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS).unref(),
      );
      const call = this.getAdmin().then((a) => {
        // kafkajs reconnects a disconnected admin to answer, and retries for seconds.
        if (this.shutDown) throw new Error('Kafka connection is closing');
        return a.describeCluster();
      });
      this.probing = call.then(
        () => undefined,
        () => undefined,
      );
      void this.probing.then(() => (this.probing = null));
      Promise.race([call, timeout]).then(
        () => this.report(true),
        (error: unknown) => this.report(false, error),
      );
    };
    check();
    this.probe = setInterval(check, PROBE_MS);
    this.probe.unref();
  }

  /** Connections are being dropped: one that opens later is closed at once. */
  private shutDown = false;
  /** The probe's call in flight: disconnecting under it makes kafkajs reconnect and retry it. */
  private probing: Promise<void> | null = null;

  /** The process is shutting down: consumers are leaving, connections being dropped. */
  quiesce(): void {
    this.closing = true;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.shutDown = true;
    if (this.probe) clearInterval(this.probe);
    // What is in flight finishes first: disconnected under it, kafkajs would reconnect and retry it.
    const inFlight = [this.probing, this.creating].filter((p) => p !== null);
    await Promise.race([Promise.all(inFlight), delay(PROBE_TIMEOUT_MS)]);
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
  private open<T extends { connect(): Promise<void>; disconnect(): Promise<void> }>(
    make: () => T,
  ): Promise<T> {
    const client = make();
    const opening = client.connect().then(async () => {
      // Opened while the process shuts down (a readiness probe or a last drain racing the
      // shutdown): nobody would disconnect it, and kafkajs would keep it retrying for minutes.
      if (this.shutDown) {
        await client.disconnect().catch(() => undefined);
        throw new Error('Kafka connection is closing');
      }
      return client;
    });
    opening.catch(() => {
      if (this.producer === (opening as unknown)) this.producer = null;
      if (this.admin === (opening as unknown)) this.admin = null;
    });
    return opening;
  }

  private log({ level, log }: LogEntry): void {
    if (this.closing) return;
    // Retries are bounded on purpose so a dead broker fails the relay's batch (and its transaction) instead of
    // hanging it; duplicates that a retry may cause are absorbed by consumers' inboxes (dedupe by event id).
    if (log.message.startsWith('Limiting retries for the idempotent producer')) return;
    const message = `${log.message}${log.error ? `: ${String(log.error)}` : ''}`;
    // kafkajs reports a group rebalance and a coordinator still loading as errors; they are routine and retried.
    if (level <= logLevel.ERROR && !ROUTINE.some((r) => message.includes(r))) this.logger.error(message);
    else this.logger.warn(message);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** What kafkajs reports as errors though it retries them itself, or a caller's retry loop does. */
const ROUTINE = [
  'The group is rebalancing',
  'coordinator is loading',
  'group coordinator is not available',
  'This server does not host this topic-partition',
  'There is no leader for this topic-partition',
  'This server is not the leader for that topic-partition',
  'Topic creation errors',
];

/** Until every partition of the topics has a leader in the broker's metadata (a fresh topic takes a moment). */
export async function waitForTopicLeaders(
  admin: Admin,
  topics: string[],
  stopped: () => boolean = () => false,
): Promise<boolean> {
  for (let attempt = 1; attempt <= 40 && !stopped(); attempt++) {
    const ready = await admin
      .fetchTopicMetadata({ topics })
      .then((m) => m.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
      .catch(() => false);
    if (ready) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
