#!/usr/bin/env node
// `npm run fuzz -- [--count N] [--seed S] [--report FILE] [--base-url URL --token JWT]`
//
// Runs the OpenAPI fuzzer (test/fuzz, driven by test/foundation/fuzz.e2e-spec.ts) with any
// seed and count. Without --base-url it boots the app itself on a fresh database, exactly like
// the integration tests (scripts/test.mjs finds or starts PostgreSQL and Kafka). With --base-url
// it fuzzes a running server; --token is then the one valid bearer token it uses.
// See docs/fuzzing.md.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '42' },
    report: { type: 'string' },
    'base-url': { type: 'string' },
    token: { type: 'string' },
  },
});
for (const name of ['count', 'seed']) {
  if (!/^\d+$/.test(values[name])) {
    process.stderr.write(`--${name} must be a non-negative integer\n`);
    process.exit(2);
  }
}

const env = {
  ...process.env,
  FUZZ_COUNT: values.count,
  FUZZ_SEED: values.seed,
  ...(values.report ? { FUZZ_REPORT: path.resolve(values.report) } : {}),
  ...(values['base-url'] ? { FUZZ_BASE_URL: values['base-url'] } : {}),
  ...(values.token ? { FUZZ_TOKEN: values.token } : {}),
};
const spec = ['--selectProjects', 'integration', '--runTestsByPath', 'test/foundation/fuzz.e2e-spec.ts'];
// A running server needs no database or broker here: run jest directly.
const args = values['base-url']
  ? [
      '--experimental-vm-modules',
      '--disable-warning=ExperimentalWarning',
      'node_modules/jest/bin/jest.js',
      ...spec,
    ]
  : ['scripts/test.mjs', ...spec];
const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
