#!/usr/bin/env node
// `npm run lint:openapi`: lints the OpenAPI document the app serves at /docs-json with Redocly's
// `recommended` rules (redocly.yaml). Fails on any error and on any warning not listed in
// JUSTIFIED below (each one is explained in README.md, "Using the API").
//
//   node scripts/lint-openapi.mjs            boot the built app (dist/, so `nest build` first) with
//                                            the sandbox on, against a scratch database on DATABASE_URL
//                                            or a throwaway embedded PostgreSQL; write the document to
//                                            .data/openapi.json, then lint it
//   node scripts/lint-openapi.mjs FILE       lint FILE only (test/foundation/openapi.e2e-spec.ts
//                                            passes the document the test app served)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (msg) => process.stderr.write(`[openapi] ${msg}\n`);

/** Warnings accepted on purpose, by rule id, with the reason (kept in step with README.md). */
const JUSTIFIED = {
  'info-license-strict':
    'tradehub is UNLICENSED (proprietary): the document names that, and there is no licence text to link',
};

function lint(file) {
  const cli = path.join(root, 'node_modules/@redocly/cli/bin/cli.js');
  const result = spawnSync(
    process.execPath,
    [cli, 'lint', '--config', path.join(root, 'redocly.yaml'), '--format', 'json', file],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      // No usage reports, no update check: the linter stays on this machine.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
  const start = result.stdout.indexOf('{');
  if (start < 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`redocly lint printed no report (exit ${result.status})`);
  }
  const { problems } = JSON.parse(result.stdout.slice(start));
  let failed = 0;
  for (const p of problems) {
    const where = p.location?.[0]?.pointer ?? '';
    const justified = p.severity === 'warn' && JUSTIFIED[p.ruleId];
    if (!justified) failed++;
    const mark = justified ? 'justified' : p.severity === 'error' ? 'ERROR' : 'WARNING';
    process.stdout.write(`${mark.padEnd(9)} ${p.ruleId}  ${where}\n          ${p.message}\n`);
    if (justified) process.stdout.write(`          why: ${justified}\n`);
  }
  process.stdout.write(
    `openapi lint: ${problems.length} problems, ${problems.length - failed} justified, ${failed} failing (${file})\n`,
  );
  return failed === 0;
}

/** Boots the built app as `npm start` would (sandbox on, so its operations are documented too). */
async function exportDocument(file) {
  const require = createRequire(import.meta.url);
  const dist = (p) => path.join(root, 'dist', p);
  if (!fs.existsSync(dist('apps/tradehub/src/bootstrap/create-app.js'))) {
    throw new Error('no build in dist/: run `npm run build` first (npm run lint:openapi does)');
  }
  const { createApp } = require(dist('apps/tradehub/src/bootstrap/create-app.js'));
  const { startEmbeddedPostgres } = require(dist('apps/tradehub/src/bootstrap/embedded-postgres.js'));
  const { loadConfig } = require(dist('libs/platform/src/index.js'));
  const cleanups = [];
  try {
    let databaseUrl;
    if (process.env.DATABASE_URL) {
      const { default: pg } = await import('pg');
      const name = `tradehub_openapi_${process.pid}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      cleanups.push(async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      });
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      log(`scratch database ${name} on DATABASE_URL`);
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradehub-openapi-'));
      fs.chmodSync(dir, 0o755); // the server runs as OS user "postgres" when we are root
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      const database = await startEmbeddedPostgres(path.join(dir, 'pg'));
      cleanups.push(() => database.stop());
      databaseUrl = database.url;
      log('throwaway embedded PostgreSQL');
    }
    const config = loadConfig({ NODE_ENV: 'development', SANDBOX: 'true', ROLES: 'api', LOG_LEVEL: 'warn' });
    const app = await createApp({ config, databaseUrl, migrate: true });
    cleanups.push(() => app.close());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.getHttpServer().address();
    const response = await fetch(`http://127.0.0.1:${port}/docs-json`);
    if (!response.ok) throw new Error(`GET /docs-json answered ${response.status}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(await response.json(), null, 2)}\n`);
    log(`wrote ${path.relative(root, file)}`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => log(`cleanup: ${e.message}`));
  }
}

async function main() {
  let file = process.argv[2];
  if (!file) {
    file = path.join(root, '.data/openapi.json');
    await exportDocument(file);
  }
  process.exit(lint(path.resolve(file)) ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    log(`ERROR: ${error?.stack ?? error}`);
    process.exit(1);
  });
}
