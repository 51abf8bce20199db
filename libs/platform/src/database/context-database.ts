import { Provider } from '@nestjs/common';
import { EntitySchema } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AggregateLoadSubscriber } from './aggregate-load.subscriber';
import { openRoleOrm } from './orm';
import { SavePath } from './save-path';
import { Database, PlatformDatabase, UnitOfWork } from './unit-of-work';

export const DATABASE_URL = Symbol('DatabaseUrl');

/** The PostgreSQL role a context's connections act as (created by the context-roles migration). */
export function contextRole(context: string): string {
  return `tradehub_${context}`;
}

/**
 * A context's own database: a pool acting as the context's role, mapping the context's entities
 * (and the outbox and audit records its transactions write). List it in the context module's
 * providers; the context's handlers then inject `UnitOfWork`.
 */
export function contextDatabase(context: string, entities: readonly EntitySchema[]): Provider[] {
  return [
    {
      provide: UnitOfWork,
      inject: [DATABASE_URL, SavePath, APP_CONFIG],
      useFactory: async (url: string, savePath: SavePath, config: AppConfig) =>
        closeOnShutdown(
          new UnitOfWork(
            context,
            await openRoleOrm({
              databaseUrl: url,
              role: contextRole(context),
              entities,
              subscribers: [new AggregateLoadSubscriber()],
              poolMax: config.database.poolMax,
            }),
            savePath,
          ),
        ),
    },
  ];
}

export const platformDatabase: Provider = {
  provide: PlatformDatabase,
  inject: [DATABASE_URL, SavePath],
  useFactory: async (url: string, savePath: SavePath) =>
    closeOnShutdown(
      new PlatformDatabase(
        'platform',
        await openRoleOrm({
          databaseUrl: url,
          role: contextRole('platform'),
          // The platform's tables are reached with SQL only (PlatformWrites, relay, timers, audit reads).
          entities: [],
          poolMax: 5,
        }),
        savePath,
      ),
    ),
};

/** Nest calls lifecycle hooks on factory-made providers too: the pool closes after the workers stopped. */
function closeOnShutdown<T extends Database>(database: T): T {
  return Object.assign(database, { onApplicationShutdown: () => database.close() });
}
