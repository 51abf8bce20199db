import { Clock } from '@tradehub/kernel';
import { Sql } from '../database/sql';

/**
 * The sandbox's simulated time (never in production): it stands still until advanced, and is
 * stored in the database so that every replica on it agrees. `now()` is synchronous, so each
 * replica keeps the stored value in memory and refreshes it per request and per timer sweep.
 */
export class SandboxClock implements Clock {
  private current: Date;
  /** Whether `current` came from the database yet (the start instant only seeds an empty one). */
  private loaded = false;

  constructor(start: Date) {
    this.current = start;
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  /**
   * Loads the stored instant, storing the current one if the database has none yet (a read, not a
   * write, per request). The clock in memory only moves forward, as the stored one does.
   */
  async refresh(sql: Sql): Promise<Date> {
    let rows = await sql.query<{ now: Date }>(`select now from platform.sandbox_clock where id = 1`);
    if (rows.length === 0)
      rows = await sql.query<{ now: Date }>(
        `insert into platform.sandbox_clock (id, now) values (1, ?) on conflict (id) do update set now = platform.sandbox_clock.now returning now`,
        [this.current],
      );
    // A read that started before a concurrent move (an advance firing timers) must not take the clock
    // back: the timers fired meanwhile would see an earlier "now" than the instant they are due.
    this.keep(new Date(rows[0].now));
    return this.now();
  }

  /** Moves time forward only; a stored instant later than `to` (set by another replica) wins. */
  async moveTo(sql: Sql, to: Date): Promise<Date> {
    const rows = await sql.query<{ now: Date }>(
      `insert into platform.sandbox_clock (id, now) values (1, ?)
       on conflict (id) do update set now = greatest(platform.sandbox_clock.now, excluded.now) returning now`,
      [to],
    );
    this.keep(new Date(rows[0].now));
    return this.now();
  }

  /** The stored instant read; once loaded, an older one (a read overtaken by a move) is ignored. */
  private keep(stored: Date): void {
    this.current = this.loaded && this.current.getTime() > stored.getTime() ? this.current : stored;
    this.loaded = true;
  }
}
