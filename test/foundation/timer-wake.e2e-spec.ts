import { Client } from 'pg';
import { TimerHandlers } from '@tradehub/platform';
import { startTestApp, TestApp } from '../support/test-app';

/** The wall clock, outside the application (its own clock is what is under test). */
const wallNow = (): number => performance.timeOrigin + performance.now();

describe('timer loop on the real clock', () => {
  let t: TestApp;
  let sql: Client;
  const fired: { subject: string; at: number }[] = [];

  beforeAll(async () => {
    // Polls every 4 s; a timer due between two polls fires at its instant, not at the next poll.
    t = await startTestApp({ kafka: false, env: { SANDBOX: 'false', TIMER_POLL_MS: '4000' } });
    t.app.get(TimerHandlers).register({
      kind: 'wake.noop',
      fire: async (timer) => void fired.push({ subject: timer.subject, at: wallNow() }),
    });
    sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
  });

  afterAll(async () => {
    await sql.end();
    await t.close();
  });

  it('a timer is fired at its due instant: the sweep wakes for it between two polls', async () => {
    // Due a second after the first sweep looked (4 s after start); the poll after it comes 3 s later.
    const dueAt = wallNow() + 5_000;
    await sql.query(
      `insert into platform.timers (id, kind, subject, due_at, next_attempt_at)
       values (gen_random_uuid(), 'wake.noop', 'wake-1', $1, $1)`,
      [new Date(dueAt)],
    );
    for (let i = 0; i < 200 && fired.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(fired.map((f) => f.subject)).toEqual(['wake-1']);
    expect(fired[0].at).toBeGreaterThanOrEqual(dueAt);
    // The next poll would have come about 3 s after the instant.
    expect(fired[0].at - dueAt).toBeLessThan(1_000);
  });
});
