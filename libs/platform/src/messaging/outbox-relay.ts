import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { withRole } from '../database/orm';
import { contextRole } from '../database/context-database';
import { PlatformDatabase } from '../database/unit-of-work';
import { EVENT_PUBLISHER, type EventPublisher } from './outbox-message';
import { ListenConnection, ListenState } from './listen-connection';
import { OutboxRow, RelaySession, seqArray, toMessage } from './relay-session';

/** The channel the outbox's trigger notifies at commit (outbox-notify.migration). */
export const OUTBOX_CHANNEL = 'tradehub_outbox';

/** Marks that may still run while the next batch is sent (see PendingMarks). */
const MARKS_IN_FLIGHT = 2;

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
  private listener: ListenConnection | null = null;
  private session: RelaySession | null = null;
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
    const platformUrl = withRole(databaseUrl, contextRole('platform'));
    this.session = new RelaySession(platformUrl);
    this.listener = new ListenConnection(platformUrl, OUTBOX_CHANNEL, () => {
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

  /** Graceful stop: finishes the drain in flight, then one last drain so nothing committed waits for the next start. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.drain().catch((e: unknown) => this.logger.warn(`final drain failed: ${String(e)}`));
    await this.session?.close();
    await this.listener?.stop();
    this.listener = null;
  }

  /**
   * Publishes everything unpublished now, batch after batch under one hold of the lock (nothing
   * when another relay holds it). While a batch is in flight the next one is selected and the ones
   * before it are marked on pooled connections, so the database's part overlaps Kafka's. A batch
   * is sent only once the one before it was acknowledged, so each key's events keep their order;
   * after a failure nothing more is sent, and the next drain starts again from the oldest
   * unpublished row (at-least-once: consumers dedupe by id). A crash before a mark commits
   * republishes that batch. The run loop's drain ends early when the relay stops (stop's own
   * drain publishes the rest).
   */
  private async drain(keepGoing: () => boolean = () => true): Promise<void> {
    const session = this.session;
    if (!session) return;
    const size = this.config.outbox.batchSize;
    const marks = new PendingMarks();
    try {
      const first = await session.lockAndSelect(size);
      if (first === null) return;
      let batch = first;
      while (batch.length > 0) {
        marks.throwIfFailed();
        const sending = this.publisher.publish(batch.map(toMessage));
        // A batch not full was all there was when it was chosen: the drain ends with it. Rows
        // whose mark may not have committed yet are left out by name.
        const next: Promise<OutboxRow[]> =
          batch.length === size && keepGoing()
            ? session.selectBesides([...marks.batches(), batch], size)
            : Promise.resolve([]);
        await settleAll(marks.due(), sending, next);
        marks.add(batch, this.mark(batch));
        batch = await next;
      }
      await marks.all();
      await session.release();
    } catch (error) {
      // Closing the session releases the lock, once nothing of the drain runs any more.
      await marks.all().catch(() => undefined);
      await session.close();
      throw error;
    }
  }

  private async mark(rows: readonly OutboxRow[]): Promise<void> {
    await this.platform.direct.query(
      `update platform.outbox set published_at = clock_timestamp() where seq = any(?::bigint[])`,
      [seqArray(rows)],
    );
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.drain(() => this.running);
        failures = 0;
        await this.sleep(this.config.outbox.pollMs);
        // Woken by a commit, it waits a moment so that the commits right behind it go out in the
        // same batch (as a Kafka producer's linger): under load a few batches a second instead of
        // one per commit, each a few statements to PostgreSQL.
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

/**
 * Marks still running. On a busy database a 500-row mark takes longer than sending 500 messages,
 * so each gets the time of the next MARKS_IN_FLIGHT sends, on as many pooled connections.
 */
class PendingMarks {
  private readonly pending: { rows: readonly OutboxRow[]; marked: Promise<void> }[] = [];
  private failure: { error: unknown } | null = null;

  add(rows: readonly OutboxRow[], marked: Promise<void>): void {
    // Seen at once, so no further batch is sent after a failed mark; thrown again where it is awaited.
    marked.catch((error: unknown) => (this.failure ??= { error }));
    this.pending.push({ rows, marked });
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  batches(): (readonly OutboxRow[])[] {
    return this.pending.map((p) => p.rows);
  }

  /** The oldest mark once MARKS_IN_FLIGHT are running: it must finish before one more batch is sent. */
  due(): Promise<void> {
    return this.pending.length >= MARKS_IN_FLIGHT ? this.pending.shift()!.marked : Promise.resolve();
  }

  all(): Promise<void> {
    return settleAll(...this.pending.splice(0).map((p) => p.marked));
  }
}

/** Waits for all, then throws the first failure: nothing of a drain still runs when its lock is released. */
async function settleAll(...work: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}
