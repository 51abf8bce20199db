import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { withRole } from '../database/orm';
import { contextRole } from '../database/context-database';
import { DEFERRED } from '../database/pipelining-client';
import { pgArray } from '../database/sql';
import { PlatformDatabase } from '../database/unit-of-work';
import { EVENT_PUBLISHER, type EventPublisher, OutboxMessage } from './outbox-message';
import { ListenState, OutboxListener } from './outbox-listener';

const RELAY_LOCK = "hashtext('tradehub.outbox.relay')";

interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  key: string;
  type: string;
  schema_version: number;
  source: string;
  subject: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

/**
 * Moves committed outbox rows to the publisher. Rows are chosen by state (unpublished), never
 * by a "last seen" position, so a row committed late by a slower transaction with a lower
 * sequence number is still picked up. One relay at a time holds the advisory lock, which keeps
 * each aggregate's events in order across replicas. Woken by NOTIFY at commit, and polling too.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private listener: OutboxListener | null = null;
  private wake: (() => void) | null = null;
  /** A NOTIFY that arrived while a batch was in flight; the next sleep returns at once. */
  private notified = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly platform: PlatformDatabase,
    @Inject(EVENT_PUBLISHER) private readonly publisher: EventPublisher,
  ) {}

  async start(databaseUrl: string): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.listener = new OutboxListener(withRole(databaseUrl, contextRole('platform')), () => {
      this.notified = true;
      this.wake?.();
    });
    await this.listener.start();
    this.loop = this.run();
  }

  /** The LISTEN connection's state; `stopped` when this process runs no relay. */
  listenState(): ListenState {
    return this.listener?.state ?? 'stopped';
  }

  listenReconnects(): number {
    return this.listener?.reconnects ?? 0;
  }

  /** Graceful stop: finishes the batch in flight, then one last drain so nothing committed waits for the next start. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.drain().catch((e: unknown) => this.logger.warn(`final drain failed: ${String(e)}`));
    await this.listener?.stop();
    this.listener = null;
  }

  /** Publishes everything unpublished now; returns how many rows went out. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch();
      total += sent;
      if (sent < this.config.outbox.batchSize) return total;
    }
  }

  /** One batch in one transaction: a crash before the update republishes (at-least-once; consumers dedupe by id). */
  async publishBatch(): Promise<number> {
    return this.platform.runIsolated(async (tx) => {
      // One message for both: the lock's outcome rides in a transaction setting to the select. The
      // select must be a statement of its own, after the lock: its snapshot then sees the marks of
      // the relay that held the lock before (one statement's snapshot would be taken before it).
      await tx.query(
        `${DEFERRED}select set_config('tradehub.relay_locked', pg_try_advisory_xact_lock(${RELAY_LOCK})::text, true)`,
      );
      const rows = await tx.query<OutboxRow>(
        `select seq, id, topic, key, type, schema_version, source, subject, payload, occurred_at
         from platform.outbox where published_at is null and current_setting('tradehub.relay_locked') = 'true'
         order by seq limit ?`,
        [this.config.outbox.batchSize],
      );
      if (rows.length === 0) return 0;
      await this.publisher.publish(rows.map(toMessage));
      // Nobody reads it: the mark rides with COMMIT, and fails the commit (so the batch is sent again) if it fails.
      await tx.query(
        `${DEFERRED}update platform.outbox set published_at = clock_timestamp() where seq = any(?::bigint[])`,
        [pgArray(rows.map((r) => r.seq))],
      );
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const sent = await this.publishBatch();
        failures = 0;
        if (sent === this.config.outbox.batchSize) continue;
        await this.sleep(this.config.outbox.pollMs);
        // Woken by a commit, it waits a moment so that the commits right behind it go out in the
        // same batch (as a Kafka producer's linger): under load a few batches a second instead of
        // one per commit, each a transaction and two messages to PostgreSQL.
        if (this.running && this.config.outbox.lingerMs > 0) await delay(this.config.outbox.lingerMs);
      } catch (error) {
        failures += 1;
        this.logger.warn(`publish failed (${failures} in a row), will retry: ${String(error)}`);
        await this.sleep(Math.min(30_000, this.config.outbox.pollMs * 2 ** Math.min(failures, 5)));
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.notified || !this.running) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.notified = false;
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

function toMessage(r: OutboxRow): OutboxMessage {
  return {
    seq: r.seq,
    id: r.id,
    topic: r.topic,
    key: r.key,
    type: r.type,
    schemaVersion: r.schema_version,
    source: r.source,
    subject: r.subject,
    payload: r.payload,
    occurredAt: new Date(r.occurred_at),
  };
}
