// `npm run bench`: every benchmark, one after another on the built app, each printing its own
// tables (with its peers and floors where it has them), then one summary of what each reported.
// Full sizes take about 20 minutes on 2 cores; BENCH_QUICK=1 runs each small.
//
//   npx nest build && npm run bench
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.env.BENCH_QUICK === '1';

/** Each script with the settings of a full run, and of a quick one. */
const benchmarks = [
  { script: 'count-statements.mjs', full: {}, small: {} },
  {
    script: 'ship-confirmations.mjs',
    full: { BENCH_COUNT_STATEMENTS: '1' },
    small: { BENCH_ORDERS: '200', BENCH_WARMUP: '20', BENCH_COUNT_STATEMENTS: '1' },
  },
  { script: 'confirmation-cpu.mjs', full: {}, small: { BENCH_ORDERS: '100', BENCH_WARMUP: '20' } },
  { script: 'get-order.mjs', full: {}, small: { BENCH_REQUESTS: '2000', BENCH_ROUNDS: '1' } },
  { script: 'timer-sweep.mjs', full: {}, small: { BENCH_FUTURE_TIMERS: '20000', BENCH_DUE_TIMERS: '1000' } },
  {
    script: 'relay.mjs',
    needs: 'KAFKA_BROKERS',
    full: {},
    small: { BENCH_EVENTS: '2000', BENCH_ROUNDS: '1', BENCH_RATE_SECONDS: '2' },
  },
  { script: 'memory.mjs', full: {}, small: { BENCH_CONFIRMATIONS: '2000', BENCH_CHUNK: '1000' } },
  {
    script: 'ledger.mjs',
    full: {},
    small: { BENCH_ENTRIES: '1000', BENCH_ROUNDS: '1', BENCH_POSTINGS: '100000', BENCH_READS: '50' },
  },
];

function run(script, env) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(here, script)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('exit', (code) => resolve({ code, seconds: (performance.now() - started) / 1000 }));
  });
}

const outcomes = [];
for (const { script, full, small, needs } of benchmarks) {
  if (needs && !process.env[needs]) {
    outcomes.push({
      script,
      code: null,
      seconds: 0,
      skipped: `set ${needs} (bash scripts/kafka/start.sh prints it)`,
    });
    continue;
  }
  console.log(`\n## ${script}${quick ? ' (quick)' : ''}\n`);
  outcomes.push({ script, ...(await run(script, quick ? small : full)) });
}
console.log('\n## Summary\n');
for (const { script, code, seconds, skipped } of outcomes)
  console.log(
    skipped
      ? `skipped ${script.padEnd(24)} ${skipped}`
      : `${code === 0 ? 'ok     ' : 'FAILED '} ${script.padEnd(24)} ${seconds.toFixed(0)} s`,
  );
process.exit(outcomes.every((o) => o.skipped || o.code === 0) ? 0 : 1);
