import { createDatabase, dropDatabase, withClient } from '../support/database';
import { uniqueName } from '../support/env';
import { KafkaProbe } from '../support/kafka';
import { paidOrder } from '../support/orders';
import { startTestApp } from '../support/test-app';

describe('outbox relay: nothing lost, nothing published twice', () => {
  let databaseUrl: string;
  let namespace: string;
  let probe: KafkaProbe;

  beforeAll(async () => {
    databaseUrl = await createDatabase();
    namespace = uniqueName('t');
    probe = new KafkaProbe();
    await probe.start([`${namespace}.orders.v1`]);
  });

  afterAll(async () => {
    await probe.stop();
    await dropDatabase(databaseUrl);
  });

  it('a process that dies after the commit and before publishing loses nothing: the next one publishes the event exactly once', async () => {
    // An API-only replica commits the order and its outbox row; no relay runs in it, as if it died right after the commit.
    const apiOnly = await startTestApp({ databaseUrl, namespace, env: { ROLES: 'api' } });
    const created = await apiOnly.http.post('/v1/orders', paidOrder(), await apiOnly.serviceToken());
    expect(created.status).toBe(201);
    await apiOnly.close({ dropDatabase: false });
    const unpublished = await withClient(
      databaseUrl,
      async (c) => (await c.query(`select id from platform.outbox where published_at is null`)).rows,
    );
    expect(unpublished).toHaveLength(1);
    const eventId = unpublished[0].id;

    const restarted = await startTestApp({ databaseUrl, namespace });
    await probe.waitFor((m) => m.headers.ce_id === eventId);
    await restarted.close({ dropDatabase: false });

    // A second restart does not publish it again.
    const again = await startTestApp({ databaseUrl, namespace });
    await new Promise((r) => setTimeout(r, 1000));
    await again.close({ dropDatabase: false });
    expect(probe.messages.filter((m) => m.headers.ce_id === eventId)).toHaveLength(1);
  });

  it('a commit wakes the relay, which waits OUTBOX_LINGER_MS so the commits right behind it go out in the same batch', async () => {
    const app = await startTestApp({
      databaseUrl,
      namespace,
      env: { OUTBOX_POLL_MS: '60000', OUTBOX_LINGER_MS: '1000' },
    });
    // Closed also when an expectation fails: its relay and timers must not outlive the suite.
    try {
      // Longer than a linger: the relay has drained what was there and sleeps until a commit wakes it.
      await new Promise((r) => setTimeout(r, 1500));
      const commit = (key: string) =>
        withClient(databaseUrl, async (c) => {
          const { rows } = await c.query(
            `insert into platform.outbox (id, topic, key, type, schema_version, source, subject, payload, occurred_at)
             values (gen_random_uuid(), $1, $2, 'tradehub.orders.test-linger', 1, '/tradehub/orders', 'order/linger', '{}', now())
             returning id`,
            [`${namespace}.orders.v1`, key],
          );
          await c.query(`select pg_notify('tradehub_outbox', '')`);
          return rows[0].id as string;
        });
      const woke = performance.now();
      const first = await commit('linger-1');
      await new Promise((r) => setTimeout(r, 400));
      const second = await commit('linger-2');
      await probe.waitFor((m) => m.headers.ce_id === first);
      const firstSeen = performance.now();
      await probe.waitFor((m) => m.headers.ce_id === second);
      const secondSeen = performance.now();
      // Not sent on the first wake-up, but with the second commit, at the end of the linger.
      expect(firstSeen - woke).toBeGreaterThanOrEqual(950);
      expect(secondSeen - firstSeen).toBeLessThan(300);
    } finally {
      await app.close({ dropDatabase: false });
    }
  });

  it('a row committed late by a slower transaction, behind rows already published, is still published', async () => {
    const app = await startTestApp({ databaseUrl, namespace });
    const slow = await withClient(databaseUrl, async (client) => {
      await client.query('begin');
      // The slow transaction takes its sequence number first...
      const { rows } = await client.query(
        `insert into platform.outbox (id, topic, key, type, schema_version, source, subject, payload, occurred_at)
         values (gen_random_uuid(), $1, 'late-key', 'tradehub.orders.test-late', 1, '/tradehub/orders', 'order/late', '{}', now())
         returning id, seq`,
        [`${namespace}.orders.v1`],
      );
      // ...a faster one commits after it and is published...
      const fast = await app.http.post('/v1/orders', paidOrder(), await app.serviceToken());
      await probe.waitFor((m) => m.key === fast.body.id);
      // ...and only then does the slow one commit.
      await client.query(`select pg_notify('tradehub_outbox', '')`);
      await client.query('commit');
      return rows[0] as { id: string; seq: string };
    });
    await probe.waitFor((m) => m.headers.ce_id === slow.id);
    await app.close({ dropDatabase: false });
  });
});
