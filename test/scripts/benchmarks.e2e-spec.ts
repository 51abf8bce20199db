import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { serviceEnv } from '../support/env';

const ROOT = path.resolve(__dirname, '../..');

/** Runs one benchmark script on the built app (`npm run build`), small, as a developer would. */
function bench(script: string, env: Record<string, string>): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bench', script)], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BENCH_DATABASE_URL: serviceEnv().databaseUrl, LOG_LEVEL: 'error', ...env },
    timeout: 150_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * A small run of every benchmark, so the scripts never rot: each checks what it measured (every
 * order shipped once, exactly the due timers fired, every request answered as expected) and exits
 * non-zero otherwise. Timings are not asserted; docs/benchmarks.md records full runs.
 */
describe('benchmark scripts, small', () => {
  const SLOW = 180_000;

  it(
    'ship-confirmations: every order shipped once, messages per confirmation counted, each request replayed by bare pg without an error',
    () => {
      const run = bench('ship-confirmations.mjs', {
        BENCH_ORDERS: '40',
        BENCH_WARMUP: '5',
        BENCH_CONCURRENCY: '4',
        BENCH_COUNT_STATEMENTS: '1',
      });
      expect(run).toMatchObject({ status: 0 });
      expect(run.output).toMatch(/\| confirm shipment \| 40 \| 4 \|/);
      expect(run.output).toMatch(/messages to PostgreSQL per confirmation: \d/);
      // The floors: each request's own messages replayed on a copy of the database as it was.
      expect(run.output).toMatch(
        /\| place order: bare pg replaying its [\d.]+ messages \| 40 \| 4 \| \d+ \|.*\| 0 \|/,
      );
      expect(run.output).toMatch(
        /\| confirm shipment: bare pg replaying its [\d.]+ messages \| 40 \| 4 \| \d+ \|.*\| 0 \|/,
      );
    },
    SLOW,
  );

  it(
    'timer-sweep: exactly the due timers fire, every future one stays pending',
    () => {
      const run = bench('timer-sweep.mjs', {
        BENCH_FUTURE_TIMERS: '2000',
        BENCH_DUE_TIMERS: '300',
        BENCH_ROUNDS: '1',
      });
      expect(run).toMatchObject({ status: 0 });
    },
    SLOW,
  );

  it(
    'get-order: the app (dev token and OAuth token) and both peers answer every GET with 200, ratios printed',
    () => {
      const run = bench('get-order.mjs', { BENCH_REQUESTS: '300', BENCH_ROUNDS: '1', BENCH_ORDERS: '20' });
      expect(run).toMatchObject({ status: 0 });
      expect(run.output).toMatch(/\| app ÷ \(bare Fastify \+ bare pg\) \| \d/);
      expect(run.output).toMatch(/\| app with an OAuth token ÷ \(bare Fastify \+ bare pg\) \| \d/);
    },
    SLOW,
  );

  it(
    'relay: every event reaches the broker, from the relay and from the bare producer, latency measured',
    () => {
      const run = bench('relay.mjs', {
        KAFKA_BROKERS: serviceEnv().kafkaBrokers,
        BENCH_EVENTS: '500',
        BENCH_ROUNDS: '1',
        BENCH_RATE: '200',
        BENCH_RATE_SECONDS: '1',
      });
      expect(run).toMatchObject({ status: 0 });
      expect(run.output).toMatch(/commit -> Kafka at \d+ events\/s for 1 s \(200 events\): p50/);
    },
    SLOW,
  );

  it(
    'memory: the app in its own process takes every order and confirmation, its resident set reported',
    () => {
      const run = bench('memory.mjs', { BENCH_CONFIRMATIONS: '300', BENCH_CHUNK: '150' });
      expect(run).toMatchObject({ status: 0 });
      expect(run.output).toMatch(/\| after 300 confirmations \| 300 \| \d+ \|/);
    },
    SLOW,
  );

  it(
    'count-statements, tx-cost and confirmation-cpu run to the end',
    () => {
      const counted = bench('count-statements.mjs', {});
      expect(counted).toMatchObject({ status: 0 });
      expect(counted.output).toMatch(/shipment confirmation: \d+ statements \(status 201\)/);
      expect(counted.output).toMatch(/order ingest: \d+ statements \(status 201\)/);
      expect(bench('tx-cost.mjs', { N: '20' })).toMatchObject({ status: 0 });
      const cpu = bench('confirmation-cpu.mjs', { BENCH_ORDERS: '20', BENCH_WARMUP: '5' });
      expect(cpu).toMatchObject({ status: 0 });
      expect(cpu.output).toMatch(/20 confirmations one at a time: node CPU \d+ µs each/);
    },
    SLOW,
  );

  it(
    'ledger: every withdrawal posted one entry, the ledger balances, both reads answer with rows',
    () => {
      const run = bench('ledger.mjs', {
        BENCH_ENTRIES: '200',
        BENCH_ROUNDS: '1',
        BENCH_CONCURRENCY: '4',
        BENCH_POSTINGS: '20000',
        BENCH_READS: '10',
      });
      expect(run).toMatchObject({ status: 0 });
      expect(run.output).toMatch(/\| entries ÷ single-row inserts \| \d/);
      expect(run.output).toMatch(/\d+ postings in the table/);
    },
    SLOW,
  );

  it(
    'DSP-5 evaluation: 2,000 synthetic orders scored by the real scorer, report printed',
    () => {
      const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/dispute-risk/evaluate.mjs')], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, EVAL_ORDERS: '2000', EVAL_SEED: '1' },
        timeout: 60_000,
      });
      expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status: 0 });
      expect(result.stdout).toMatch(/seed 1, 2000 orders asked, 2000 scored \(\d+ scorings\)/);
      expect(result.stdout).toMatch(/\| clean addresses the address signal flagged \(must be 0\) \| 0 \|/);
      expect(result.stdout).toMatch(/### At the policy's high cut \(score >= \d+\)/);
    },
    SLOW,
  );

  it(
    'trade-analysis: roll-ups equal the events sent and survive redelivery; the panels and the export answer with the right totals',
    () => {
      const run = bench('trade-analysis.mjs', {
        BENCH_BIG_STORE_ORDERS: '5000',
        BENCH_STORES: '3',
        BENCH_ORDERS_PER_STORE: '500',
        BENCH_EVENTS: '500',
        BENCH_READS: '5',
        BENCH_EXPORTS: '2',
      });
      expect(run).toMatchObject({ status: 0 });
      expect(run.output).toMatch(
        /store-day roll-ups equal to the events sent: yes; redelivery changed nothing: yes/,
      );
      expect(run.output).toMatch(
        /\| GET \/v1\/compliance\/trade-analysis\?storeId=… \(one store, 5000 orders\) \| 5 \| \d/,
      );
      expect(run.output).toMatch(
        /\| GET \/v1\/compliance\/trade-analysis \(3 stores, 6000 orders\) \| 5 \| \d/,
      );
      expect(run.output).toMatch(
        /\| GET \/v1\/compliance\/trade-analysis\/export\?format=xlsx \(3 stores\) \| 2 \| \d/,
      );
    },
    SLOW,
  );
});
