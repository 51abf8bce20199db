import { DueTimer, PlatformDatabase, TimerHandlers, Timers, Tx } from '@tradehub/platform';
import { withClient } from '../support/database';
import { startTestApp, T0, TestApp } from '../support/test-app';

describe('durable timers: fire once, in order, with handlers that cancel or re-arm themselves', () => {
  let t: TestApp;
  const fired: string[] = [];
  let failuresLeft = 2;

  beforeAll(async () => {
    // A handler fails on purpose (retries with backoff): its error logs are expected, not printed.
    t = await startTestApp({ kafka: false, env: { LOG_LEVEL: 'fatal' } });
    const handlers = t.app.get(TimerHandlers);
    const timers = t.app.get(Timers);
    handlers.register({
      kind: 'test.record',
      fire: async (timer: DueTimer) => void fired.push(String(timer.payload.name)),
    });
    handlers.register({
      kind: 'test.rearm',
      fire: async (timer: DueTimer, tx: Tx) => {
        fired.push(`rearm:${timer.dueAt.toISOString()}`);
        if (timer.payload.again)
          await timers.schedule(tx, {
            kind: 'test.rearm',
            subject: timer.subject,
            dueAt: new Date(timer.dueAt.getTime() + 3600_000),
            payload: {},
          });
      },
    });
    handlers.register({
      kind: 'test.cancel-own',
      fire: async (timer: DueTimer, tx: Tx) => {
        fired.push('cancel-own');
        await timers.cancelAll(tx, timer.subject, timer.dueAt);
      },
    });
    for (const kind of ['test.slow', 'test.slow-too'])
      handlers.register({
        kind,
        fire: async (timer: DueTimer) => {
          fired.push(`start:${timer.subject}:${kind}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
          fired.push(`end:${timer.subject}:${kind}`);
        },
      });
    handlers.register({
      kind: 'test.flaky',
      fire: async () => {
        if (failuresLeft-- > 0) throw new Error('carrier API down');
        fired.push('flaky');
      },
    });
  });

  afterAll(() => t.close());

  const schedule = (kind: string, subject: string, minutes: number, payload: Record<string, unknown> = {}) =>
    t.app
      .get(PlatformDatabase)
      .run((tx) =>
        t.app
          .get(Timers)
          .schedule(tx, { kind, subject, dueAt: new Date(T0.getTime() + minutes * 60_000), payload }),
      );

  it('timers fire in due order when the sandbox clock passes them, and a cancelled one never fires', async () => {
    await schedule('test.record', 'a', 30, { name: 'second' });
    await schedule('test.record', 'b', 10, { name: 'first' });
    await schedule('test.record', 'c', 20, { name: 'cancelled' });
    await t.app.get(PlatformDatabase).run((tx) => t.app.get(Timers).cancel(tx, 'test.record', 'c', T0));
    await t.advance(3600);
    expect(fired).toEqual(['first', 'second']);
  });

  it('a handler may re-arm the timer it fires (a new timer) or cancel its own subject without losing its effect', async () => {
    fired.length = 0;
    const clock = Date.parse((await t.http.get('/v1/sandbox/clock', await t.operatorToken())).body.now);
    const minutes = (clock - T0.getTime()) / 60_000 + 5;
    await schedule('test.rearm', 'r', minutes, { again: true });
    await schedule('test.cancel-own', 'x', minutes + 1);
    await schedule('test.record', 'x', minutes + 120, { name: 'cancelled-by-sibling' });
    await t.advance(3 * 3600);
    expect(fired).toEqual([
      `rearm:${new Date(T0.getTime() + minutes * 60_000).toISOString()}`,
      'cancel-own',
      `rearm:${new Date(T0.getTime() + (minutes + 60) * 60_000).toISOString()}`,
    ]);
    const rows = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query(
            `select kind, subject, status from platform.timers where subject in ('r', 'x') order by due_at`,
          )
        ).rows,
    );
    expect(rows).toEqual([
      { kind: 'test.rearm', subject: 'r', status: 'fired' },
      { kind: 'test.cancel-own', subject: 'x', status: 'fired' },
      { kind: 'test.rearm', subject: 'r', status: 'fired' },
      { kind: 'test.record', subject: 'x', status: 'cancelled' },
    ]);
  });

  it('timers of different subjects due together fire side by side (TIMER_CONCURRENCY); one subject’s one after another', async () => {
    fired.length = 0;
    const clock = Date.parse((await t.http.get('/v1/sandbox/clock', await t.operatorToken())).body.now);
    const minutes = (clock - T0.getTime()) / 60_000 + 1;
    for (const subject of ['s1', 's2', 's3', 's4']) await schedule('test.slow', subject, minutes);
    await schedule('test.slow-too', 's1', minutes);
    await t.advance(120);
    expect(fired).toHaveLength(10);
    // All four subjects had started before the first of them ended...
    const firstEnd = fired.findIndex((e) => e.startsWith('end:'));
    expect(new Set(fired.slice(0, firstEnd).map((e) => e.split(':')[1]))).toEqual(
      new Set(['s1', 's2', 's3', 's4']),
    );
    // ...while s1's two timers did not overlap.
    const s1 = fired.filter((e) => e.split(':')[1] === 's1').map((e) => e.split(':')[0]);
    expect(s1).toEqual(['start', 'end', 'start', 'end']);
  });

  it('a failing handler rolls back alone and is retried with backoff until it succeeds', async () => {
    fired.length = 0;
    const clock = Date.parse((await t.http.get('/v1/sandbox/clock', await t.operatorToken())).body.now);
    await schedule('test.flaky', 'f', (clock - T0.getTime()) / 60_000 + 1);
    await t.advance(600);
    expect(fired).toEqual(['flaky']);
    const [row] = await withClient(
      t.databaseUrl,
      async (c) =>
        (await c.query(`select status, attempts, last_error from platform.timers where kind = 'test.flaky'`))
          .rows,
    );
    expect(row).toMatchObject({
      status: 'fired',
      attempts: 3,
      last_error: expect.stringContaining('carrier API down'),
    });
  });
});
