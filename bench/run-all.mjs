// `npm run bench`: every benchmark, one after another on the built app, each printing its own
// tables (with its peers and floors where it has them), then one summary of what each reported.
// Full sizes take about 35 minutes on 2 cores; BENCH_QUICK=1 runs each small.
//
//   npx nest build && npm run bench
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
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
  {
    script: 'timer-sweep.mjs',
    full: {},
    small: { BENCH_FUTURE_TIMERS: '20000', BENCH_DUE_TIMERS: '1000', BENCH_ROUNDS: '1' },
  },
  {
    script: 'relay.mjs',
    needs: 'KAFKA_BROKERS',
    full: {},
    small: { BENCH_EVENTS: '2000', BENCH_ROUNDS: '1', BENCH_RATE_SECONDS: '2' },
  },
  { script: 'memory.mjs', full: {}, small: { BENCH_CONFIRMATIONS: '2000', BENCH_CHUNK: '1000' } },
  {
    script: 'trade-analysis.mjs',
    full: {},
    small: {
      BENCH_BIG_STORE_ORDERS: '20000',
      BENCH_STORES: '5',
      BENCH_ORDERS_PER_STORE: '2000',
      BENCH_EVENTS: '2000',
      BENCH_READS: '20',
      BENCH_EXPORTS: '5',
    },
  },
  {
    script: 'ledger.mjs',
    full: {},
    small: { BENCH_ENTRIES: '1000', BENCH_ROUNDS: '1', BENCH_POSTINGS: '100000', BENCH_READS: '50' },
  },
];

// Each script hands its ratios and figures here (recordResult in lib.mjs), for one table at the end.
const resultsFile = path.join(os.tmpdir(), `tradehub-bench-${process.pid}.jsonl`);
rmSync(resultsFile, { force: true });

function run(script, env) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(here, script)], {
      env: { ...process.env, ...env, BENCH_RESULTS_FILE: resultsFile },
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
console.log('\n## Ratios and figures (per round: min / median / max; the goal holds the median)\n');
console.log(resultsTable());
console.log('\n## Summary\n');
for (const { script, code, seconds, skipped } of outcomes)
  console.log(
    skipped
      ? `skipped ${script.padEnd(24)} ${skipped}`
      : `${code === 0 ? 'ok     ' : 'FAILED '} ${script.padEnd(24)} ${seconds.toFixed(0)} s`,
  );
process.exit(outcomes.every((o) => o.skipped || o.code === 0) ? 0 : 1);

function resultsTable() {
  if (!existsSync(resultsFile)) return '(none recorded)';
  const rows = readFileSync(resultsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  rmSync(resultsFile, { force: true });
  const digits = (unit) => (unit === '×' ? 2 : 0);
  const show = (x, unit) => `${x.toFixed(digits(unit))}${unit === '×' ? '' : ` ${unit}`}`;
  const lines = ['| figure | min / median / max | goal | met |', '| --- | --- | --- | --- |'];
  for (const { name, perRound, atLeast, atMost, unit } of rows) {
    const sorted = [...perRound].sort((a, b) => a - b);
    const mid =
      sorted.length % 2
        ? sorted[(sorted.length - 1) / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    const goal =
      atLeast != null ? `≥ ${show(atLeast, unit)}` : atMost != null ? `≤ ${show(atMost, unit)}` : '';
    const met = atLeast != null ? mid >= atLeast : atMost != null ? mid <= atMost : null;
    lines.push(
      `| ${name} | ${[sorted[0], mid, sorted.at(-1)].map((x) => show(x, unit)).join(' / ')} | ${goal} | ${
        met === null ? '' : met ? 'yes' : '**no**'
      } |`,
    );
  }
  return lines.join('\n');
}
