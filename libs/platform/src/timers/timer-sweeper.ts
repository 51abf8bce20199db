import { Inject, Injectable, Logger } from '@nestjs/common';
import { addMs } from '@tradehub/kernel';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Tx, UnitOfWork } from '../database/unit-of-work';
import { requestContext } from '../http/request-context';
import { SYSTEM_PRINCIPAL } from '../auth/principal';
import { DueTimer, TimerHandlers } from './timer-handler';

interface TimerRow {
  id: string;
  kind: string;
  subject: string;
  due_at: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Fires due timers. Each batch is claimed with FOR UPDATE SKIP LOCKED, so replicas sweeping
 * together never take the same row, and a timer is marked fired in the same transaction as
 * its effect: it fires once. A failing timer is rolled back alone (savepoint) and retried later.
 */
@Injectable()
export class TimerSweeper {
  private readonly logger = new Logger(TimerSweeper.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly handlers: TimerHandlers,
  ) {}

  /** Fires every timer due at `now`; returns how many fired. */
  async fireDue(now: Date): Promise<number> {
    let fired = 0;
    for (;;) {
      const { claimed, succeeded } = await this.sweepBatch(now);
      fired += succeeded;
      if (claimed < this.config.timers.batchSize) return fired;
    }
  }

  private sweepBatch(now: Date): Promise<{ claimed: number; succeeded: number }> {
    return requestContext.run({ requestId: 'timers', principal: SYSTEM_PRINCIPAL }, () =>
      this.uow.runIsolated(async (tx) => {
        const rows = await tx.query<TimerRow>(
          `select id, kind, subject, due_at, payload, attempts from platform.timers
           where status = 'pending' and next_attempt_at <= ?
           order by next_attempt_at, id limit ? for update skip locked`,
          [now, this.config.timers.batchSize],
        );
        let succeeded = 0;
        for (const row of rows) {
          if (await this.fireOne(tx, row, now)) succeeded += 1;
        }
        return { claimed: rows.length, succeeded };
      }),
    );
  }

  private async fireOne(tx: Tx, row: TimerRow, now: Date): Promise<boolean> {
    const timer: DueTimer = {
      id: row.id,
      kind: row.kind,
      subject: row.subject,
      dueAt: new Date(row.due_at),
      payload: row.payload,
    };
    const handler = this.handlers.get(row.kind);
    try {
      if (!handler) throw new Error(`no handler for timer kind '${row.kind}'`);
      await this.uow.run((inner) => handler.fire(timer, inner));
      await tx.query(
        `update platform.timers set status = 'fired', fired_at = ?, attempts = attempts + 1 where id = ?`,
        [now, row.id],
      );
      return true;
    } catch (error) {
      const attempts = row.attempts + 1;
      const failed = attempts >= this.config.timers.maxAttempts;
      this.logger.error(
        `timer ${row.kind} ${row.subject} failed (attempt ${attempts}${failed ? ', giving up' : ''}): ${String(error)}`,
      );
      await tx.query(
        `update platform.timers set attempts = ?, last_error = ?, next_attempt_at = ?, status = ? where id = ?`,
        [
          attempts,
          String(error).slice(0, 2000),
          addMs(now, 1000 * 2 ** Math.min(attempts, 12)),
          failed ? 'failed' : 'pending',
          row.id,
        ],
      );
      return false;
    }
  }
}
