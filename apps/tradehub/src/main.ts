import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig, TokenService } from '@tradehub/platform';
import { createApp } from './bootstrap/create-app';
import { startEmbeddedPostgres } from './bootstrap/embedded-postgres';
import { seedDemoData, DEMO_STORES } from './demo/demo-data';

/**
 * Starts tradehub. With nothing configured it is a self-contained sandbox: embedded PostgreSQL,
 * migrations applied, in-process events, simulated clock, demo data and a dev token printed.
 */
async function main(): Promise<void> {
  const embedded = !process.env.DATABASE_URL;
  const env = {
    ...(embedded ? { SANDBOX: 'true', DEMO_DATA: 'true', LOG_FORMAT: 'text' } : {}),
    ...process.env,
  };
  const config = loadConfig(env);
  const logger = new Logger('tradehub');
  const database = embedded ? await startEmbeddedPostgres(config.embeddedDataDir) : null;
  const app = await createApp({
    config,
    env,
    databaseUrl: database?.url ?? config.databaseUrl!,
    migrate: embedded,
  });
  // Graceful stop, in order: no new requests (those in flight finish), the workers stop (consumers
  // close, the relay drains once more), the pools close, and only then the embedded database.
  const shutdown = async (signal: string): Promise<void> => {
    stopping = true;
    logger.log(`${signal}: shutting down`);
    let code = 0;
    try {
      await app.getHttpAdapter().close();
      await app.close();
    } catch (error) {
      logger.error(`shutdown failed: ${String(error)}`);
      code = 1;
    }
    await database?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const base = `http://${config.host}:${config.port}`;
  if (config.demoData) await seedDemoData(app);
  logger.log(`API        ${base}/v1`);
  logger.log(`Swagger UI ${base}/docs  (OpenAPI JSON: ${base}/docs-json)`);
  logger.log(`Console    ${base}/console/`);
  logger.log(`Health     ${base}/health/ready   Metrics ${base}/metrics`);
  if (config.env !== 'production' && config.auth.devSecretInUse) {
    const tokens = app.get(TokenService);
    const operator = await tokens.mint({ id: 'dev-operator', kind: 'operator', stores: '*', scopes: [] });
    const seller = await tokens.mint({
      id: 'dev-seller',
      kind: 'seller_staff',
      stores: DEMO_STORES,
      scopes: [],
    });
    logger.log(`Dev operator token: ${operator}`);
    logger.log(`Dev seller token (stores ${DEMO_STORES.join(', ')}): ${seller}`);
  }
}

/** Set once a signal started the ordered shutdown: work it cuts short is not a failure of the start. */
let stopping = false;

main().catch((error: unknown) => {
  if (stopping) return;
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
