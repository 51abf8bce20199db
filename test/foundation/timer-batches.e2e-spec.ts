import { Client } from 'pg';
import { DueTimer, PlatformDatabase, TimerHandlers, Timers, TimerSweeper, Tx } from '@tradehub/platform';
import { withClient } from '../support/database';
import { startTestApp, T0, TestApp } from '../support/test-app';

/** Each test has a day of its own, so one test's leftovers are never due in another's sweep. */
const at = (day: number, minutes = 0): Date => new Date(T0.getTime() + day * 86_400_000 + minutes * 60_000);
const FAR = at(365);

interface Row {
  id: string;
  subject: string;
  status: string;
  attempts: number;
}

describe('timer batches: no-effect timers marked together, effects committed with their mark, exactly once', () => {
  let t: TestApp;
  let sql: Client;
  /** Subjects whose handler ran, in order. */
  const ran: string[] = [];
  /** Run by the `batch.hook` handler: a test's concurrent writer. */
  let hook: (timer: DueTimer) => Promise<void> = async () => undefined;

  const handlersOf = (app: TestApp, calls: Map<string, number>): void => {
    const handlers = app.app.get(TimerHandlers);
    const note = (timer: DueTimer): void => {
      ran.push(timer.subject);
      calls.set(timer.id, (calls.get(timer.id) ?? 0) + 1);
    };
    handlers.register({ kind: 'batch.noop', fire: async (timer) => note(timer) });
    handlers.register({
      kind: 'batch.write',
      fire: async (timer, tx: Tx) => {
        note(timer);
        tx.audit({ action: 'test.timer-effect', subjectType: 'timer-test', subjectId: timer.subject });
        if (timer.payload.fail) throw new Error('failed after writing');
      },
    });
    handlers.register({
      kind: 'batch.hook',
      fire: async (timer) => {
        note(timer);
        await hook(timer);
      },
    });
    // The aggregate first, then (at commit) the timer row: the order every writer keeps.
    handlers.register({
      kind: 'batch.aggregate',
      fire: async (timer, tx: Tx) => {
        note(timer);
        await tx.query(`select version from platform.test_aggregates where id = ? for update`, [
          timer.subject,
        ]);
        await tx.query(`update platform.test_aggregates set version = version + 1 where id = ?`, [
          timer.subject,
        ]);
      },
    });
    handlers.register({
      kind: 'batch.observe',
      fire: async (timer) => {
        note(timer);
        const { rows } = await sql.query(
          `select status from platform.timers where kind = 'batch.noop' and subject = $1`,
          [timer.subject],
        );
        ran.push(`${timer.subject} saw ${rows[0]?.status}`);
      },
    });
  };

  const calls = new Map<string, number>();

  beforeAll(async () => {
    // No background sweep: each test sweeps itself, at an instant of its own (simulated time).
    const env = { TIMER_POLL_MS: '3600000', TIMER_BATCH_SIZE: '4', LOG_LEVEL: 'fatal' };
    t = await startTestApp({ kafka: false, env });
    sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
    await sql.query(
      `create table platform.test_aggregates (id text primary key, version int not null default 0)`,
    );
    handlersOf(t, calls);
  });

  afterAll(async () => {
    await sql.end();
    await t.close();
  });

  beforeEach(() => {
    ran.length = 0;
    calls.clear();
    hook = async () => undefined;
  });

  const sweeper = (): TimerSweeper => t.app.get(TimerSweeper);

  const schedule = async (
    kind: string,
    subject: string,
    dueAt: Date,
    payload: Record<string, unknown> = {},
  ): Promise<string> => {
    const { rows } = await sql.query(
      `insert into platform.timers (id, kind, subject, due_at, next_attempt_at, payload)
       values (gen_random_uuid(), $1, $2, $3, $3, $4) returning id`,
      [kind, subject, dueAt, JSON.stringify(payload)],
    );
    return rows[0].id;
  };

  const timer = async (id: string): Promise<Row & { due_at: Date; last_error: string | null }> =>
    (
      await sql.query(
        `select id, subject, status, attempts, due_at, last_error from platform.timers where id = $1`,
        [id],
      )
    ).rows[0];

  /** Until a backend of this database waits for a lock (the sweep reached the row a test holds). */
  const lockWaited = async (): Promise<void> => {
    for (let i = 0; i < 400; i++) {
      const { rows } = await sql.query(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (rows[0].n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('nobody waited for the lock');
  };

  it('the timers a batch fired to no effect are marked by one statement per batch, under its claim', async () => {
    for (let i = 0; i < 10; i++) await schedule('batch.noop', `n-${i}`, at(1, i));
    expect(await sweeper().fireDue(at(1, 60))).toBe(10);
    expect([...ran].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `n-${i}`).sort());
    // Rows one statement wrote carry one transaction id (xmin): one per claimed batch of 4, 4 and 2.
    const { rows } = await sql.query(
      `select count(*)::int as timers, count(distinct xmin::text)::int as transactions,
              bool_and(status = 'fired' and attempts = 1) as fired_once
       from platform.timers where kind = 'batch.noop' and subject like 'n-%' group by claim_token order by 1 desc`,
    );
    expect(rows).toEqual([
      { timers: 4, transactions: 1, fired_once: true },
      { timers: 4, transactions: 1, fired_once: true },
      { timers: 2, transactions: 1, fired_once: true },
    ]);
  });

  it('a sweep told to stop claims no further batch: the batch in hand fires and is marked, the rest stay pending', async () => {
    for (let i = 0; i < 10; i++) await schedule('batch.noop', `s-${i}`, at(10, i));
    const stop = new AbortController();
    stop.abort();
    expect(await sweeper().fireDue(at(10, 60), stop.signal)).toBe(4);
    const { rows } = await sql.query(
      `select status, count(*)::int as n from platform.timers where kind = 'batch.noop' and subject like 's-%'
       group by status order by status`,
    );
    expect(rows).toEqual([
      { status: 'fired', n: 4 },
      { status: 'pending', n: 6 },
    ]);
    expect(await sweeper().fireDue(at(10, 60))).toBe(6);
  });

  it('a command that wrote commits with its timer’s mark, in one transaction; one that failed leaves neither', async () => {
    const ok = await schedule('batch.write', 'w-ok', at(2, 1));
    const failing = await schedule('batch.write', 'w-fail', at(2, 2), { fail: true });
    expect(await sweeper().fireDue(at(2, 60))).toBe(1);
    const { rows: audit } = await sql.query(
      `select subject_id, xmin::text as tx from platform.audit_log where action = 'test.timer-effect'`,
    );
    expect(audit.map((r) => r.subject_id)).toEqual(['w-ok']);
    const { rows: mark } = await sql.query(`select xmin::text as tx from platform.timers where id = $1`, [
      ok,
    ]);
    expect(mark[0].tx).toBe(audit[0].tx);
    expect(await timer(ok)).toMatchObject({ status: 'fired', attempts: 1 });
    expect(await timer(failing)).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: expect.stringContaining('failed after writing'),
    });
    await sql.query(`update platform.timers set status = 'cancelled' where id = $1`, [failing]);
  });

  it('a no-effect timer another writer cancels before its batch is marked stays cancelled, unfired', async () => {
    const cancelled = await schedule('batch.noop', 'c-a', at(3, 1));
    const other = await schedule('batch.hook', 'c-b', at(3, 2));
    hook = async () => {
      while (!ran.includes('c-a')) await new Promise((resolve) => setTimeout(resolve, 5));
      // A seller's change, committed while c-a waits for its batch's mark.
      await t.app
        .get(PlatformDatabase)
        .runIsolated((tx) => t.app.get(Timers).cancel(tx, 'batch.noop', 'c-a', at(3, 2)));
    };
    expect(await sweeper().fireDue(at(3, 60))).toBe(1);
    expect(await timer(cancelled)).toMatchObject({ status: 'cancelled', attempts: 0 });
    expect(await timer(other)).toMatchObject({ status: 'fired', attempts: 1 });
  });

  it('the batch mark waits for no row: a writer holding one timer and then taking another does not deadlock with it', async () => {
    const held = await schedule('batch.noop', 'l-a', at(4, 1));
    const taken = await schedule('batch.noop', 'l-c', at(4, 2));
    await schedule('batch.hook', 'l-b', at(4, 3));
    hook = async () => {
      await sql.query('begin');
      await sql.query(`update platform.timers set payload = payload where id = $1`, [held]);
    };
    const sweep = sweeper().fireDue(at(4, 60));
    // The batch's statement skipped l-a and marked the rest; l-a is now waited for on its own.
    await lockWaited();
    // A mark holding l-c while it waited for l-a would deadlock here.
    await sql.query(`update platform.timers set payload = payload where id = $1`, [taken]);
    // The writer moves l-a (as a changed deadline does): the claim is gone, so it is not marked.
    await sql.query(
      `update platform.timers set due_at = $2, next_attempt_at = $2, claim_token = null, claimed_until = null where id = $1`,
      [held, FAR],
    );
    await sql.query('commit');
    expect(await sweep).toBe(2);
    expect(await timer(held)).toMatchObject({ status: 'pending', attempts: 0, due_at: FAR });
    expect(await timer(taken)).toMatchObject({ status: 'fired', attempts: 1 });
  });

  it('a no-effect timer whose row a writer held and then let go is marked fired once the writer is done', async () => {
    const held = await schedule('batch.noop', 'r-a', at(5, 1));
    await schedule('batch.hook', 'r-b', at(5, 2));
    hook = async () => {
      await sql.query('begin');
      await sql.query(`select id from platform.timers where id = $1 for update`, [held]);
    };
    const sweep = sweeper().fireDue(at(5, 60));
    await lockWaited();
    await sql.query('rollback');
    expect(await sweep).toBe(2);
    expect(await timer(held)).toMatchObject({ status: 'fired', attempts: 1 });
  });

  it('a handler locking its aggregate while a seller holds it and moves the timer: no deadlock, and the seller’s change stands', async () => {
    await sql.query(`insert into platform.test_aggregates (id) values ('agg-1'), ('agg-2')`);
    const moved = await schedule('batch.aggregate', 'agg-1', at(6, 1));
    const kept = await schedule('batch.aggregate', 'agg-2', at(6, 2));
    const seller = new Client({ connectionString: t.databaseUrl });
    await seller.connect();
    try {
      // The seller locks both aggregates first, as a change of theirs does...
      await seller.query('begin');
      await seller.query(`select id from platform.test_aggregates where id in ('agg-1', 'agg-2') for update`);
      const sweep = sweeper().fireDue(at(6, 60));
      await lockWaited();
      // ...then moves agg-1's deadline: its timer row is free (claims are committed, not held).
      await seller.query(
        `update platform.timers set due_at = $2, next_attempt_at = $2, claim_token = null, claimed_until = null where id = $1`,
        [moved, FAR],
      );
      await seller.query('commit');
      // agg-1's firing lost its claim at commit and rolled back; agg-2's fired with its effect.
      expect(await sweep).toBe(1);
    } finally {
      await seller.end();
    }
    const { rows } = await sql.query(`select id, version from platform.test_aggregates order by id`);
    expect(rows).toEqual([
      { id: 'agg-1', version: 0 },
      { id: 'agg-2', version: 1 },
    ]);
    expect(await timer(moved)).toMatchObject({ status: 'pending', attempts: 0, due_at: FAR });
    expect(await timer(kept)).toMatchObject({ status: 'fired', attempts: 1 });
  });

  it('one subject’s timers keep their order: its earlier no-effect timer is marked before its next fires, in a batch and across batches', async () => {
    // Batch 1 (4 timers): o-1, o-2, o-s's first, o-w's first; batch 2: o-w's second, o-s's second.
    await schedule('batch.noop', 'o-1', at(7, 1));
    await schedule('batch.noop', 'o-2', at(7, 2));
    await schedule('batch.noop', 'o-s', at(7, 3));
    await schedule('batch.noop', 'o-w', at(7, 4));
    await schedule('batch.observe', 'o-w', at(7, 5));
    await schedule('batch.observe', 'o-s', at(7, 6));
    // Within one batch too: o-b's two timers land in batch 2 together.
    await schedule('batch.noop', 'o-b', at(7, 7));
    await schedule('batch.observe', 'o-b', at(7, 8));
    expect(await sweeper().fireDue(at(7, 60))).toBe(8);
    expect(ran.filter((entry) => entry.includes(' saw ')).sort()).toEqual([
      'o-b saw fired',
      'o-s saw fired',
      'o-w saw fired',
    ]);
  });

  it('two replicas sweeping the same due timers fire each exactly once, and each effect commits once', async () => {
    const b = await startTestApp({
      databaseUrl: t.databaseUrl,
      namespace: t.namespace,
      kafka: false,
      env: { TIMER_POLL_MS: '3600000', TIMER_BATCH_SIZE: '4', LOG_LEVEL: 'fatal' },
    });
    try {
      handlersOf(b, calls);
      for (let i = 0; i < 60; i++)
        await schedule(i % 2 ? 'batch.write' : 'batch.noop', `x-${i}`, at(8, i % 7));
      const other = b.app.get(TimerSweeper);
      const fired = await Promise.all([
        sweeper().fireDue(at(8, 60)),
        other.fireDue(at(8, 60)),
        sweeper().fireDue(at(8, 60)),
        other.fireDue(at(8, 60)),
      ]);
      expect(fired.reduce((a, n) => a + n, 0)).toBe(60);
      expect([...calls.values()].every((n) => n === 1)).toBe(true);
      expect(calls.size).toBe(60);
      const timers = await withClient(
        t.databaseUrl,
        async (c) =>
          (
            await c.query(
              `select count(*)::int as n from platform.timers where subject like 'x-%' and status = 'fired' and attempts = 1`,
            )
          ).rows[0].n,
      );
      expect(timers).toBe(60);
      const { rows } = await sql.query(
        `select subject_id, count(*)::int as n from platform.audit_log where action = 'test.timer-effect' and subject_id like 'x-%' group by 1`,
      );
      expect(rows).toHaveLength(30);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await b.close({ dropDatabase: false });
    }
  });
});
