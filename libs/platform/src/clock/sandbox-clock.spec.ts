import type { Sql } from '../database/sql';
import { SandboxClock } from './sandbox-clock';

/** A stored clock whose reads can be held back, as a read that started before a concurrent move. */
function storedClock(start: string) {
  let stored = new Date(start);
  let held: ((rows: { now: Date }[]) => void) | null = null;
  const sql: Sql = {
    query: async <T>(text: string, params: readonly unknown[] = []) => {
      if (text.startsWith('select')) {
        const rows = [{ now: stored }];
        if (held === null) return rows as T[];
        return new Promise<T[]>((resolve) => (held = (r) => resolve(r as T[])));
      }
      const to = params[1] instanceof Date ? params[1] : (params[0] as Date);
      stored = new Date(Math.max(stored.getTime(), to.getTime()));
      return [{ now: stored }] as T[];
    },
  };
  return {
    sql,
    holdReads: () => (held = () => undefined),
    release: (rows: { now: Date }[]) => held?.(rows),
  };
}

describe('SandboxClock', () => {
  it('a refresh that read the stored instant before a concurrent advance never takes the clock back', async () => {
    const db = storedClock('2026-11-26T00:00:00.000Z');
    const clock = new SandboxClock(new Date('2026-11-26T00:00:00.000Z'));
    await clock.refresh(db.sql);
    db.holdReads();
    const stale = clock.refresh(db.sql);
    await clock.moveTo(db.sql, new Date('2026-11-29T00:00:00.000Z'));
    db.release([{ now: new Date('2026-11-26T00:00:00.000Z') }]);
    await stale;
    expect(clock.now().toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });

  it('the instant stored in the database wins over the start instant of a process that joins later', async () => {
    const db = storedClock('2026-11-26T00:00:00.000Z');
    const clock = new SandboxClock(new Date('2027-01-01T00:00:00.000Z'));
    expect((await clock.refresh(db.sql)).toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });
});
