import { Client } from 'pg';
import { EVENT_PUBLISHER, EventPublisher, OutboxMessage } from '@tradehub/platform';
import { createDatabase, dropDatabase, withClient } from '../support/database';
import { uniqueName } from '../support/env';
import { KafkaProbe, ReceivedMessage } from '../support/kafka';
import { startTestApp, TestApp } from '../support/test-app';

/** Publishes the whole batch for real. */
type Send = () => Promise<void>;

/** The relay overlaps the database's part of a batch with Kafka's; what it must still guarantee. */
describe('outbox relay: batches in flight while the next is selected and the last marked', () => {
  let databaseUrl: string;
  let namespace: string;
  let topic: string;
  let probe: KafkaProbe;
  const running: TestApp[] = [];

  beforeAll(async () => {
    databaseUrl = await createDatabase();
    namespace = uniqueName('t');
    topic = `${namespace}.relay-pipelining.v1`;
    probe = new KafkaProbe();
    await probe.start([topic]);
  });

  afterEach(async () => {
    for (const app of running.splice(0)) await app.close({ dropDatabase: false });
  });

  afterAll(async () => {
    await probe.stop();
    await dropDatabase(databaseUrl);
  });

  /** A relay with small batches, idle: what the app itself wrote at boot is out. */
  const relay = async (env: Record<string, string> = {}): Promise<TestApp> => {
    const app = await startTestApp({ databaseUrl, namespace, env: { OUTBOX_BATCH_SIZE: '20', ...env } });
    running.push(app);
    await until(async () => (await unpublished()) === 0, 20_000, 'the outbox to be empty');
    return app;
  };

  /** Calls `around` instead of the app's publisher; `send` publishes for real. */
  const intercept = (
    app: TestApp,
    around: (messages: OutboxMessage[], send: Send) => Promise<void>,
  ): void => {
    const publisher = app.app.get<EventPublisher>(EVENT_PUBLISHER);
    const send = publisher.publish.bind(publisher);
    publisher.publish = (messages) => around(messages.filter(ofTopic), () => send(messages));
  };
  const ofTopic = (m: { topic: string }): boolean => m.topic === topic;

  const unpublished = (): Promise<number> =>
    withClient(databaseUrl, async (c) => {
      const { rows } = await c.query(
        `select count(*)::int as n from platform.outbox where published_at is null`,
      );
      return rows[0].n as number;
    });

  interface Row {
    id: string;
    seq: string;
    key: string;
  }

  /** `count` rows in one commit, keys taking turns, so each key has events spread over many batches. */
  const commitRows = (count: number, keys = 3, client?: Client): Promise<Row[]> => {
    const insert = async (c: Client): Promise<Row[]> => {
      const { rows } = await c.query(
        `insert into platform.outbox (id, topic, key, type, schema_version, source, subject, payload, occurred_at)
         select gen_random_uuid(), $1, $2 || (n % $3), 'tradehub.test.relay-pipelining', 1, '/tradehub/test', 'test',
                jsonb_build_object('n', n), now()
         from generate_series(1, $4) n order by n
         returning id, seq::text, key`,
        [topic, uniqueName('key'), keys, count],
      );
      return (rows as Row[]).sort((a, b) => Number(BigInt(a.seq) - BigInt(b.seq)));
    };
    return client ? insert(client) : withClient(databaseUrl, insert);
  };

  /** Each key's events in the order of their first arrival at Kafka (a repeat is a republish). */
  const firstArrivals = (messages: ReceivedMessage[]): Map<string, string[]> => {
    const byKey = new Map<string, string[]>();
    for (const m of messages) {
      const ids = byKey.get(m.key) ?? [];
      if (!ids.includes(m.headers.ce_id)) ids.push(m.headers.ce_id);
      byKey.set(m.key, ids);
    }
    return byKey;
  };
  const commitOrder = (rows: Row[]): Map<string, string[]> => {
    const byKey = new Map<string, string[]>();
    for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r.id]);
    return byKey;
  };
  const arrived = async (rows: Row[]): Promise<ReceivedMessage[]> => {
    const ids = new Set(rows.map((r) => r.id));
    await probe.waitFor((m) => ids.has(m.headers.ce_id), rows.length, 30_000);
    // Distinct ids: waitFor counts messages, and a republished one would count twice.
    await until(
      async () =>
        new Set(probe.messages.filter((m) => ids.has(m.headers.ce_id)).map((m) => m.headers.ce_id)).size ===
        ids.size,
      30_000,
      'every row at Kafka',
    );
    return probe.messages.filter((m) => ids.has(m.headers.ce_id));
  };

  it('a mark held up by the database does not hold back the batches behind it; each key stays in order', async () => {
    const app = await relay();
    const sent: string[][] = [];
    const locker = new Client({ connectionString: databaseUrl });
    await locker.connect();
    try {
      intercept(app, async (mine, send) => {
        if (mine.length > 0 && sent.length === 0) {
          // Row locks on the first batch: its mark waits for them.
          await locker.query('begin');
          await locker.query(`select 1 from platform.outbox where id = any($1::uuid[]) for update`, [
            mine.map((m) => m.id),
          ]);
        }
        await send();
        if (mine.length > 0) sent.push(mine.map((m) => m.id));
      });
      const rows = await commitRows(100);
      // Sent, and sent again, while the first batch's mark still waits.
      await until(async () => sent.length >= 3, 20_000, 'two batches behind the held mark');
      const firstBatch = sent[0];
      const marked = await withClient(databaseUrl, async (c) => {
        const { rows: r } = await c.query(
          `select count(*)::int as n from platform.outbox where id = any($1::uuid[]) and published_at is not null`,
          [firstBatch],
        );
        return r[0].n as number;
      });
      expect(marked).toBe(0);
      await locker.query('commit');
      const messages = await arrived(rows);
      expect(firstArrivals(messages)).toEqual(commitOrder(rows));
      // Nothing failed, so nothing went out twice, and every row is marked.
      expect(messages).toHaveLength(rows.length);
      await until(async () => (await unpublished()) === 0, 10_000, 'every row marked');
    } finally {
      await locker.end();
    }
  });

  it('a send that fails while the next batch is already chosen, and its retries with backoff: nothing after it goes out, and it goes out first once the broker is back', async () => {
    const app = await relay();
    const calls: { ids: string[]; failed: boolean }[] = [];
    intercept(app, async (mine, send) => {
      await send();
      if (mine.length === 0) return;
      // The second batch and two retries of it: the batch did reach Kafka, its acknowledgement is what failed.
      const failing = calls.length >= 1 && calls.length <= 3;
      calls.push({ ids: mine.map((m) => m.id), failed: failing });
      if (failing) {
        // Long enough for the next batch's select to have run.
        await new Promise((r) => setTimeout(r, 300));
        throw new Error('acknowledgement lost');
      }
    });
    const rows = await commitRows(100);
    const messages = await arrived(rows);
    expect(calls.slice(0, 5).map((c) => c.failed)).toEqual([false, true, true, true, false]);
    // Each retry, and the first send after them, is the failed batch again, in the same order.
    for (const retry of calls.slice(2, 5)) expect(retry.ids).toEqual(calls[1].ids);
    expect(firstArrivals(messages)).toEqual(commitOrder(rows));
    const sentOnce = calls.filter((c) => !c.failed).flatMap((c) => c.ids);
    expect(new Set(sentOnce).size).toBe(rows.length);
    expect(sentOnce).toHaveLength(rows.length);
  });

  it('a row committed late with a lower seq, while a drain is under way, goes out in that drain', async () => {
    const app = await relay();
    const late = new Client({ connectionString: databaseUrl });
    await late.connect();
    try {
      // The slow transaction takes its sequence number before the others...
      await late.query('begin');
      const [lateRow] = await commitRows(1, 1, late);
      const calls: string[][] = [];
      intercept(app, async (mine, send) => {
        if (mine.length > 0 && calls.length === 0) {
          // ...and commits while the first batch is in flight and the second is chosen already.
          await new Promise((r) => setTimeout(r, 300));
          await late.query('commit');
        }
        await send();
        if (mine.length > 0) calls.push(mine.map((m) => m.id));
      });
      const rows = await commitRows(100);
      await arrived([lateRow, ...rows]);
      const batchOfLate = calls.findIndex((ids) => ids.includes(lateRow.id));
      expect(batchOfLate).toBeGreaterThan(0);
      // Still in the drain that was running: before the last rows of the 100.
      expect(batchOfLate).toBeLessThan(calls.length - 1);
    } finally {
      await late.end();
    }
  });

  it('two relays on one database: never two batches in flight at once, and nothing published twice', async () => {
    const apps = [await relay(), await relay()];
    let inFlight = 0;
    let mostInFlight = 0;
    const byApp = [0, 0];
    apps.forEach((app, i) =>
      intercept(app, async (mine, send) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        try {
          // Long enough in flight for the other relay to try while it is.
          await new Promise((r) => setTimeout(r, 20));
          await send();
          if (mine.length > 0) byApp[i] += 1;
        } finally {
          inFlight -= 1;
        }
      }),
    );
    const rows: Row[] = [];
    for (let i = 0; i < 5; i++) {
      rows.push(...(await commitRows(60)));
      await new Promise((r) => setTimeout(r, 50));
    }
    const messages = await arrived(rows);
    expect(mostInFlight).toBe(1);
    expect(messages).toHaveLength(rows.length);
    expect(firstArrivals(messages)).toEqual(commitOrder(rows));
  });

  it('a graceful stop publishes what was committed before it', async () => {
    // Woken by the commit, the relay lingers for a second: the stop comes first.
    const app = await relay({ OUTBOX_POLL_MS: '60000', OUTBOX_LINGER_MS: '1000' });
    const rows = await commitRows(70);
    running.splice(running.indexOf(app), 1);
    await app.close({ dropDatabase: false });
    expect(await unpublished()).toBe(0);
    await arrived(rows);
  });
});

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
