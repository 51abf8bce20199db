import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventDispatcher, IncomingEvent, PlatformDatabase } from '@tradehub/platform';
import { createDatabase, dropDatabase, withClient } from '../support/database';
import { serviceEnv, topicEnv, uniqueName } from '../support/env';
import { paidOrder } from '../support/orders';
import { AppProcess, ensureBuilt, freePort } from '../support/processes';
import { startTestApp, TestApp } from '../support/test-app';

/** Availability: what a kill -9 run, a Kafka outage and killed database connections found. */
describe('availability', () => {
  beforeAll(() => ensureBuilt());

  it('a replica restarted after kill -9 serves HTTP within 5 s, while its consumer group still waits for the dead member', async () => {
    const databaseUrl = await createDatabase();
    const namespace = uniqueName('restart');
    const port = await freePort();
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: serviceEnv().kafkaBrokers,
      ...topicEnv(namespace),
      LOG_LEVEL: 'error',
      STORAGE_DIR: path.join(os.tmpdir(), namespace),
    };
    const first = new AppProcess(port, env);
    first.start();
    try {
      await first.ready();
      await first.stop('SIGKILL');
      const second = new AppProcess(port, env);
      const started = Date.now();
      second.start();
      try {
        for (;;) {
          const live = await second.http
            .request('GET', '/health/live', { timeoutMs: 1_000 })
            .catch(() => null);
          if (live?.status === 200) break;
          if (Date.now() - started > 20_000) throw new Error(`no HTTP:\n${second.logs()}`);
          await new Promise((r) => setTimeout(r, 50));
        }
        expect(Date.now() - started).toBeLessThan(5_000);
        const ready = await second.http.get('/health/ready');
        expect(ready.status).toBe(200);
        // The group may still be waiting for the killed member's session to end: reported, not blocking.
        expect(Object.values(ready.body.checks.consumers)).toEqual(
          expect.arrayContaining([expect.stringMatching(/^(joining|running)$/)]),
        );
      } finally {
        await second.stop('SIGKILL');
      }
    } finally {
      await first.stop('SIGKILL');
      await dropDatabase(databaseUrl);
    }
  }, 60_000);

  it('the embedded start shuts down in order on SIGTERM and exits 0', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tradehub-sigterm-'));
    chmodSync(dir, 0o755); // as root, embedded PostgreSQL runs as its own OS user
    const app = new AppProcess(await freePort(), {
      DATABASE_URL: '',
      EMBEDDED_PG_DIR: path.join(dir, 'pg'),
      STORAGE_DIR: path.join(dir, 'files'),
      KAFKA_BROKERS: '',
    });
    try {
      app.start();
      const deadline = Date.now() + 60_000;
      while (!app.logs().includes('Dev seller token') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(app.logs()).toContain('Dev seller token');
      expect(await app.stop('SIGTERM')).toBe(0);
      expect(app.logs()).toContain('SIGTERM: shutting down');
      expect(app.logs()).not.toMatch(/failed|ERROR/);
    } finally {
      await app.stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  describe('with the broker unreachable', () => {
    let t: TestApp;

    beforeAll(async () => {
      // The broker's absence is what this suite is about: its connection errors are expected, not printed.
      t = await startTestApp({ env: { KAFKA_BROKERS: `127.0.0.1:${await freePort()}`, LOG_LEVEL: 'fatal' } });
    });

    afterAll(() => t.close());

    it('the app starts and takes writes (they wait in the outbox); readiness answers at once from what it knows', async () => {
      const created = await t.http.post('/v1/orders', paidOrder(), await t.serviceToken());
      expect(created.status).toBe(201);
      await new Promise((r) => setTimeout(r, 500));
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const ready = await t.http.get('/health/ready');
        expect(Date.now() - started).toBeLessThan(300);
        expect(ready).toMatchObject({
          status: 200,
          body: { status: 'degraded', checks: { database: 'up' } },
        });
        expect(['down', 'unknown']).toContain(ready.body.checks.kafka);
      }
    });
  });

  describe('in-process, with the relay polling only once a minute', () => {
    let t: TestApp;
    const received: IncomingEvent[] = [];

    beforeAll(async () => {
      // Two connections per context: a lost connection that leaked its pool slot would show at once.
      t = await startTestApp({ kafka: false, env: { OUTBOX_POLL_MS: '60000', DATABASE_POOL_MAX: '2' } });
      t.app.get(EventDispatcher).register({
        consumer: 'test.listen',
        topic: t.topic('orders'),
        types: ['tradehub.orders.order-placed'],
        database: t.app.get(PlatformDatabase),
        handle: async (event) => void received.push(event),
      });
    });

    afterAll(() => t.close());

    const delivered = async (orderId: string, withinMs: number): Promise<boolean> => {
      const deadline = Date.now() + withinMs;
      while (Date.now() < deadline) {
        if (received.some((e) => e.key === orderId)) return true;
        await new Promise((r) => setTimeout(r, 20));
      }
      return false;
    };

    it("the relay's LISTEN connection is reopened after the database terminated it; health and metrics show it", async () => {
      const service = await t.serviceToken();
      const before = (await t.http.post('/v1/orders', paidOrder(), service)).body.id;
      expect(await delivered(before, 2_000)).toBe(true);
      await withClient(t.databaseUrl, (c) =>
        c.query(
          `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen %'`,
        ),
      );
      const deadline = Date.now() + 10_000;
      let ready = await t.http.get('/health/ready');
      while (ready.body.checks.outboxListener !== 'listening' || !(await reconnected())) {
        if (Date.now() > deadline) throw new Error(`listener not back: ${JSON.stringify(ready.body)}`);
        await new Promise((r) => setTimeout(r, 100));
        ready = await t.http.get('/health/ready');
      }
      // Woken by NOTIFY again: delivered long before the one-minute poll.
      const after = (await t.http.post('/v1/orders', paidOrder(), service)).body.id;
      expect(await delivered(after, 2_000)).toBe(true);
    });

    const reconnected = async (): Promise<boolean> => {
      const metrics: string = (await t.http.get('/metrics')).body;
      return (
        /tradehub_outbox_listener_up 1/.test(metrics) &&
        /tradehub_outbox_listener_reconnects_total [1-9]/.test(metrics)
      );
    };

    it('a database connection lost mid-request is 503 with Retry-After, nothing of it is applied, and the pool keeps its slot', async () => {
      const service = await t.serviceToken();
      const seller = await t.sellerToken(['store-a']);
      const orderId = (await t.http.post('/v1/orders', paidOrder(), service)).body.id;
      const number = `LP${String(Date.now()).slice(-8)}000999`;
      const confirm = () =>
        t.http.post(
          `/v1/orders/${orderId}/shipments`,
          { carrierCode: 'CAINIAO', trackingNumber: number },
          seller,
        );
      // More cuts than the pool has connections: each must give its connection back.
      for (let cut = 0; cut < 3; cut++) {
        await withClient(t.databaseUrl, async (blocker) => {
          // A lock on the packages table parks the confirmation's first write (its package, before
          // Orders hears of it); then its connection is terminated.
          await blocker.query(`begin`);
          await blocker.query(`lock table fulfillment.packages in share mode`);
          const shipping = confirm();
          for (let i = 0; i < 200; i++) {
            // Inside a transaction the activity view keeps its first snapshot unless told to let go.
            await blocker.query(`select pg_stat_clear_snapshot()`);
            const { rows } = await blocker.query(
              `select pg_terminate_backend(pid) from pg_stat_activity
               where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
            );
            if (rows.length > 0) break;
            await new Promise((r) => setTimeout(r, 20));
          }
          const lost = await shipping;
          expect(lost.status).toBe(503);
          expect(lost.headers.get('content-type')).toContain('application/problem+json');
          expect(lost.headers.get('retry-after')).toBe('1');
          expect(lost.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
          await blocker.query(`rollback`);
        });
      }
      const order = (await t.http.get(`/v1/orders/${orderId}`, seller)).body;
      expect(order).toMatchObject({ status: 'WAIT_SELLER_SEND_GOODS', lines: [{ shippedQuantity: 0 }] });
      expect((await t.http.get(`/v1/orders/${orderId}/packages`, seller)).body).toEqual([]);
      // The retry goes through.
      expect((await confirm()).status).toBe(201);
    });
  });
});
