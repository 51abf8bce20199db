import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { migrate, openMigrator } from '@tradehub/platform';
import { Client } from 'pg';
import { ALL_MIGRATIONS } from '../../apps/tradehub/src/bootstrap/migrations';
import { serviceEnv, uniqueName } from './env';

/** Every migration file's text (they import nothing but the Migration base): what a template is built from. */
function migrationSources(): string {
  const root = path.resolve(__dirname, '../..');
  const files = ['libs', 'apps']
    .flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
        .map((f) => path.join(dir, f)),
    )
    .filter((f) => /migrations?(\.[a-z-]+)?\.ts$/.test(f) && !f.includes('node_modules'))
    .sort();
  return files.map((f) => `${f}\n${fs.readFileSync(path.join(root, f), 'utf8')}`).join('\n');
}

/**
 * The migrated schema every suite starts from, named by a hash of the migrations: applying them
 * takes seconds, copying a database a fraction of one, and seventy suites each need one. A changed
 * migration makes a new template; the old one is dropped when the new one is built.
 */
const TEMPLATE = `th_tpl_${createHash('sha256').update(migrationSources()).digest('hex').slice(0, 16)}`;
/** Any number that no other advisory lock of the test server uses: builders of the template queue on it. */
const TEMPLATE_LOCK = 4_242_017;

let templateReady: Promise<void> | undefined;

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  return withClient(serviceEnv().databaseUrl, work);
}

const urlOf = (name: string): string => {
  const url = new URL(serviceEnv().databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

const exists = async (c: Client, name: string): Promise<boolean> =>
  (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;

/** Builds the template once per server and migration set; workers that lose the race wait for it. */
function ensureTemplate(): Promise<void> {
  templateReady ??= withAdmin(async (c) => {
    if (await exists(c, TEMPLATE)) return;
    await c.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      if (await exists(c, TEMPLATE)) return;
      // Built under another name and renamed when whole, so a crash mid-way never leaves a half template.
      const building = `${TEMPLATE}_building`;
      await c.query(`drop database if exists ${building} with (force)`);
      await c.query(`create database ${building}`);
      const migrator = await openMigrator(urlOf(building), ALL_MIGRATIONS);
      await migrate(migrator).finally(() => migrator.close());
      await c.query(`alter database ${building} rename to ${TEMPLATE}`);
      const stale = await c.query<{ datname: string }>(
        `select datname from pg_database where datname like 'th\\_tpl\\_%' and datname <> $1`,
        [TEMPLATE],
      );
      // Another run may be copying an old template this moment; it is dropped on a later build.
      for (const { datname } of stale.rows)
        await c.query(`drop database if exists ${datname}`).catch(() => {});
    } finally {
      await c.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return templateReady;
}

/** A fresh database on the test server, every migration applied; every suite gets its own. */
export async function createDatabase(): Promise<string> {
  const name = uniqueName('th');
  const copy = () => withAdmin((c) => c.query(`create database ${name} template ${TEMPLATE}`));
  await ensureTemplate();
  await copy().catch(async (error: { code?: string }) => {
    // 3D000: dropped meanwhile as stale by a run of other migrations on the same server; build it again.
    if (error.code !== '3D000') throw error;
    templateReady = undefined;
    await ensureTemplate();
    await copy();
  });
  return urlOf(name);
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
}

/** Direct SQL for assertions and for staging races the API cannot produce. */
export async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
