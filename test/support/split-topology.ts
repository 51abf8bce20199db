import { createDatabase, withClient } from './database';
import { serviceEnv, topicEnv } from './env';
import { T0 } from './test-app';

/** A migrated database whose sandbox clock starts at T0, for app processes that share it. */
export async function sharedDatabase(): Promise<string> {
  const databaseUrl = await createDatabase();
  await withClient(databaseUrl, (c) =>
    c.query(`insert into platform.sandbox_clock (id, now) values (1, $1)`, [T0]),
  );
  return databaseUrl;
}

/** The environment of one app process running `contexts` on the shared database, broker and topics. */
export function processEnv(
  databaseUrl: string,
  namespace: string,
  secret: string,
  contexts: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: serviceEnv().kafkaBrokers,
    ...topicEnv(namespace),
    CONTEXTS: contexts,
    AUTH_JWT_SECRET: secret,
    SANDBOX: 'true',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'error',
    OUTBOX_POLL_MS: '100',
    STORAGE_DIR: `/tmp/${namespace}`,
    ...extra,
  };
}
