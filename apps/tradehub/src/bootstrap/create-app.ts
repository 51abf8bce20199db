import { randomUUID } from 'node:crypto';
import multipart from '@fastify/multipart';
import { ConsoleLogger, INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AppConfig,
  clientErrorHandler,
  depthBoundedJsonParser,
  Env,
  frameworkErrors,
  Metrics,
  migrate,
  openMigrator,
} from '@tradehub/platform';
import { mountOAuth } from '@tradehub/access';
import { AppModule } from '../app.module';
import { mountConsole } from './console';
import { ALL_MIGRATIONS } from './migrations';
import { setupSwagger } from './swagger';

export interface AppOptions {
  config: AppConfig;
  /** The environment `config` was read from; each context reads its own settings from it. */
  env: Env;
  databaseUrl: string;
  /** Where the sandbox clock starts when the database has none stored. */
  startTime?: Date;
  /** Apply pending migrations first (embedded mode and tests; production runs `npm run migrate`). */
  migrate?: boolean;
}

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

const BODY_LIMIT = 1024 * 1024;

/** Builds the whole application (HTTP edge, workers by role) without listening; main and the tests share it. */
export async function createApp(options: AppOptions): Promise<NestFastifyApplication> {
  const { config } = options;
  if (options.migrate) {
    const migrator = await openMigrator(options.databaseUrl, ALL_MIGRATIONS);
    await migrate(migrator).finally(() => migrator.close());
  }
  const logger = new ConsoleLogger({ json: config.logFormat === 'json', logLevels: LEVELS[config.logLevel] });
  const adapter = new FastifyAdapter({
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: BODY_LIMIT,
    // What Fastify and Node answer on their own (bad URL, unreadable request) is problem+json too.
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // No endpoint reads plain text: without Fastify's default parser such a body is a 415, not a puzzling 400.
  fastify.removeContentTypeParser('text/plain');
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT }, depthBoundedJsonParser(fastify));
  // Uploads: one file per request, refused past the platform's limit while it streams in (a route may set a smaller one).
  await app.register(multipart, {
    limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 0, parts: 1 },
  });
  observeRequests(app, config.logFormat === 'json');
  mountOAuth(app);
  setupSwagger(app);
  mountConsole(app);
  try {
    await app.init();
  } catch (error) {
    // A start that failed half-way (a worker could not reach Kafka) must not leave its loops running.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

/** Request id echoed to the caller, one structured log line and metrics per request. */
function observeRequests(app: INestApplication, json: boolean): void {
  const fastify = (app as NestFastifyApplication).getHttpAdapter().getInstance();
  const metrics = app.get(Metrics);
  const logger = new Logger('HTTP');
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    if (!route.startsWith('/health') && route !== '/metrics') {
      const ms = Math.round(reply.elapsedTime);
      logger.log(
        json
          ? { requestId: request.id, method: request.method, url: request.url, status: reply.statusCode, ms }
          : `${request.method} ${request.url} ${reply.statusCode} ${ms}ms rid=${request.id}`,
      );
    }
  });
}
