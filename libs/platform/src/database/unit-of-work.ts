import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Sql } from './sql';

/** One database transaction; everything a command changes (state, outbox, timers, audit) goes through it. */
export class Tx implements Sql {
  constructor(readonly em: EntityManager) {}

  async query<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.em.execute(sql, params as unknown[])) as T[];
  }
}

/**
 * Runs work in one transaction. A call made while another is open joins it (as a savepoint),
 * so a timer firing a command, or a consumer handling an event, commits the command's
 * effects together with its own bookkeeping (STYLE 15: one unit of work per command).
 */
@Injectable()
export class UnitOfWork {
  private readonly current = new AsyncLocalStorage<Tx>();

  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    // Inside an open transaction this becomes a savepoint of it; otherwise a fresh fork begins one.
    const em = this.current.getStore()?.em ?? this.orm.em.fork();
    return em.transactional((inner) => {
      const tx = new Tx(inner as EntityManager);
      return this.current.run(tx, () => work(tx));
    });
  }

  /** A transaction of its own even when called inside another: a consumer's work never joins its publisher's. */
  async runIsolated<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.current.exit(() => this.run(work));
  }

  /** Reads outside any transaction (queries). */
  reader(): Sql {
    return this.current.getStore() ?? new Tx(this.orm.em.fork());
  }
}
