import { AsyncLocalStorage } from 'node:async_hooks';
import { AggregateRoot, ConflictError, DomainEvent } from '@tradehub/kernel';
import {
  DeadlockException,
  DriverException,
  EntityClass,
  EntityDictionary,
  Primary,
  EntityManager,
  MikroORM,
  OptimisticLockError,
  wrap,
} from '@mikro-orm/postgresql';
import { entityLoaded } from './aggregate-load.subscriber';
import { entityRows } from './entity-rows';
import { type AuditEntry, isRemembered, type SavePath } from './save-path';
import { Logger } from '@nestjs/common';
import { Sql } from './sql';
import { PlatformWrites } from './platform-writes';
import { inlineParams } from './sql-literal';
import { sendText } from './sql-text';
import type { ControlledTransaction, QueryExecutorProvider } from 'kysely';

const afterCommitLogger = new Logger('UnitOfWork');

/** Raised by the save path's own statement when an aggregate's row changed since it was loaded (row-guard migration). */
const ROW_CHANGED = 'TH409';

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** An error PostgreSQL sent (pg's DatabaseError: a severity and a SQLSTATE), not yet converted by the ORM. */
function isServerError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    !(error instanceof DriverException) &&
    typeof (error as { severity?: unknown }).severity === 'string' &&
    sqlState(error) !== undefined
  );
}

/**
 * One statement with its literals inlined, on the transaction's connection or the pool's, with
 * PostgreSQL's errors raised as the ORM's exceptions (a unique violation is a
 * UniqueConstraintViolationException), as `em.execute` raises them.
 */
async function send<T>(
  em: EntityManager,
  client: QueryExecutorProvider,
  sql: string,
  params: readonly unknown[],
): Promise<T[]> {
  try {
    return await sendText<T>(client, inlineParams(em.getPlatform(), sql, params));
  } catch (error) {
    throw isServerError(error) ? em.getDriver().convertException(error) : error;
  }
}

/**
 * One database transaction of one context. A handler loads through `em`, lets the domain decide,
 * and `save`s what it created; when the work returns, the save path writes, for every aggregate
 * the transaction touched, its integration events (outbox), its deadlines (timers) and the audit
 * record of what changed, and the rows themselves, in one statement that rides with the commit.
 */
export class Tx implements Sql {
  constructor(
    private readonly orm: MikroORM,
    /** The connection's transaction; none for a reader, whose statements each take a pooled connection. */
    private readonly transaction: ControlledTransaction<unknown> | undefined,
    private readonly savePath: SavePath,
  ) {}

  private forked: EntityManager | undefined;

  /**
   * The transaction's entity manager, forked on first use: a transaction that never loads an entity
   * (a timer whose handler found nothing to do, a bookkeeping statement) skips the fork, about
   * 12 µs of node CPU (bench/tx-cost.mjs).
   */
  get em(): EntityManager {
    if (!this.forked) {
      this.forked = this.orm.em.fork({ clear: true }) as EntityManager;
      if (this.transaction) this.forked.setTransactionContext(this.transaction);
    }
    return this.forked;
  }

  /** The entity manager if anything used it: nothing else can hold an entity to save. */
  get openedEm(): EntityManager | undefined {
    return this.forked;
  }

  async query<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    this.statements += 1;
    return this.send<T>(sql, params);
  }

  /** Statements sent or held through `query` (the save path's tail is one): any of them may write. */
  private statements = 0;

  /**
   * Whether the transaction wrote or will write anything: a statement other than its own reads
   * (`findById`), or work after commit. Final once `finish` ran; one that wrote nothing has no
   * effect to commit (a timer that found nothing to do is marked fired with others, in one statement).
   */
  get wrote(): boolean {
    return this.statements > 0 || this.committed.length > 0;
  }

  private send<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return send<T>(this.orm.em, this.transaction ?? this.orm.em.getConnection().getClient(), sql, params);
  }

  /**
   * The entity of one primary key, tracked like any the ORM loads (locked for the rest of the
   * transaction when it is about to change, and then read afresh). One `select *` built from the
   * mapping and mapped by the ORM: a command's hot load skips the ORM's query building, about
   * 240 µs of node CPU per load (bench/tx-cost.mjs).
   */
  async findById<T extends object>(entity: EntityClass<T>, id: string, forUpdate = false): Promise<T | null> {
    const meta = this.em.getMetadata().get(entity);
    // Unlocked, an entity this transaction holds already is the one it changes (as the ORM's findOne).
    const held = forUpdate ? undefined : this.em.getUnitOfWork().getById<T>(entity, id as Primary<T>);
    if (held) return held;
    const [row] = await this.send<EntityDictionary<T>>(entityRows.selectById(meta, forUpdate), [id]);
    return row ? this.track(entity, row) : null;
  }

  /** A row a repository selected itself (all the entity's columns), as an entity tracked like a loaded one. */
  track<T extends object>(entity: EntityClass<T>, row: EntityDictionary<T>): T {
    const loaded = this.em.map(entity, row, { schema: this.em.getMetadata().get(entity).schema }) as T;
    // Remembered now, once: left marked as loaded, the ORM's next query would raise onLoad for it
    // and so take its changes since for the loaded form (and nothing would be written).
    this.em.getUnitOfWork().unmarkAsLoaded(loaded);
    wrap(loaded, true).__onLoadFired = true;
    entityLoaded(this.em, loaded);
    return loaded;
  }

  /**
   * An entity read or written by an earlier transaction, taken into this one as it was then, with
   * no read: its UPDATE is guarded by the version it had, so a change since fails the commit as
   * CHANGED_CONCURRENTLY. For a caller with a locked path to fall back on.
   */
  adopt<T extends object>(entity: T): T {
    if (!isRemembered(entity)) throw new Error('only an entity loaded or saved before can be adopted');
    // Another instance of the same row in this transaction would be the one written, not this one.
    if (this.em.merge(entity) !== entity)
      throw new Error('another instance of this entity is in the transaction');
    wrap(entity, true).__onLoadFired = true;
    return entity;
  }

  /** What must still not exist at commit (a select that must find no row), checked by the commit's statement. */
  expectNoRow(sql: string, params: readonly unknown[], what: string): void {
    this.platformWrites.addRow({ sql, params: [...params], absent: what });
  }

  private readonly committed: (() => Promise<unknown>)[] = [];

  /** @internal the outbox, audit and timer rows the save path writes in one statement */
  readonly platformWrites = new PlatformWrites();

  /**
   * Work to do once this transaction committed (and only then): a call to another context that must
   * not share it. Its failure is logged, not thrown: such calls have a durable path (an event) too.
   */
  afterCommit(work: () => Promise<unknown>): void {
    this.committed.push(work);
  }

  /** @internal */
  async runAfterCommit(): Promise<void> {
    for (const work of this.committed.splice(0)) {
      await work().catch((error: unknown) =>
        afterCommitLogger.warn(`after-commit work failed: ${String(error)}`),
      );
    }
  }

  /** Records written with no aggregate of their own (a scan kept as history); audited as recorded or removed. */
  readonly records = { saved: new Set<object>(), removed: new Set<object>() };

  /** Adds new entities to the transaction; changes to loaded ones are found without it. */
  save(...entities: object[]): void {
    for (const entity of entities) {
      this.em.persist(entity);
      if (!(entity instanceof AggregateRoot)) this.records.saved.add(entity);
    }
  }

  /** Removes a loaded entity; the audit keeps what it held. */
  remove(entity: object): void {
    this.em.remove(entity);
    this.deleted(entity);
  }

  /** Rows a repository already deleted with SQL, as entities: audited like any removal. */
  deleted(...entities: object[]): void {
    for (const entity of entities) this.records.removed.add(entity);
  }

  /** CMP-6 for a change that is no aggregate's (a parked scan, a consumer's bookkeeping). */
  audit(entry: AuditEntry): void {
    this.savePath.audit(this, entry, []);
  }

  /** Events that belong to no saved aggregate (a refusal's risk flag), with the audit record of raising them. */
  publish(events: readonly DomainEvent<object>[], entry: AuditEntry): void {
    this.savePath.audit(this, entry, this.savePath.outbox(this, events));
  }

  private readonly committing: (() => Promise<void>)[] = [];

  /**
   * Work in the transaction after the save path's pass, just before COMMIT (it can tell whether the
   * transaction wrote). A throw rolls the transaction back.
   */
  beforeCommit(work: () => Promise<void>): void {
    this.committing.push(work);
  }

  /** @internal the save path's pass, then the work before the commit */
  async finish(): Promise<void> {
    await this.savePath.finish(this);
    for (const work of this.committing.splice(0)) await work();
  }
}

/**
 * Runs work in one transaction on one pool (one PostgreSQL role). A call made while the same
 * database's transaction is open joins it, so a timer or a consumer commits the command's effect
 * with its own bookkeeping (STYLE 15). Another context's database never joins: no transaction
 * spans two contexts.
 */
export class Database {
  private readonly current = new AsyncLocalStorage<Tx>();

  constructor(
    readonly name: string,
    readonly orm: MikroORM,
    private readonly savePath: SavePath,
  ) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open) return work(open);
    try {
      // Kysely's transaction on a pooled connection, not the ORM's `transactional`: that one adds
      // about 20 µs of node CPU per transaction (logging, events, checks) that this path never uses,
      // and em.transactional forks and flushes again on top. BEGIN is held until the first statement
      // (PipeliningClient), so a transaction that sends nothing costs PostgreSQL nothing.
      const transaction = await this.orm.em.getConnection().getClient().startTransaction().execute();
      const tx = new Tx(this.orm, transaction, this.savePath);
      let result: T;
      try {
        result = await this.current.run(tx, () => work(tx));
        await tx.finish();
        await transaction.commit().execute();
      } catch (error) {
        await rollBack(transaction);
        throw error;
      }
      if (tx.wrote) this.committed();
      await tx.runAfterCommit();
      return result;
    } catch (thrown) {
      // The rows ride with COMMIT, so their errors arrive there, unconverted: the same exceptions as
      // a statement of their own would raise (a unique violation stays a UniqueConstraintViolationException).
      const error = isServerError(thrown) ? this.orm.em.getDriver().convertException(thrown) : thrown;
      // A row changed since it was loaded, or a deadlock PostgreSQL broke by failing this side: a retry succeeds.
      if (
        error instanceof OptimisticLockError ||
        error instanceof DeadlockException ||
        sqlState(error) === ROW_CHANGED
      )
        throw new ConflictError('CHANGED_CONCURRENTLY', 'the record changed meanwhile; retry');
      throw error;
    }
  }

  private readonly committedListeners: (() => void)[] = [];

  /**
   * Called, synchronously, after each transaction of this database that wrote anything commits
   * (before its after-commit work): what this process keeps from these tables (a cache) is stale.
   */
  onCommitted(listener: () => void): void {
    this.committedListeners.push(listener);
  }

  /** The transaction committed: a listener's failure is logged, never taken for the transaction's. */
  private committed(): void {
    for (const listener of this.committedListeners) {
      try {
        listener();
      } catch (error) {
        afterCommitLogger.warn(`a listener of committed changes failed: ${String(error)}`);
      }
    }
  }

  /** Whether work run now would join an open transaction of this database (and commit only with it). */
  inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /** A transaction of its own even when called inside another of this database. */
  runIsolated<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.current.exit(() => this.run(work));
  }

  /** One statement on a pooled connection, with no transaction and no entity manager (a per-request read). */
  readonly direct: Sql = {
    query: async <T>(sql: string, params: readonly unknown[] = []) =>
      send<T>(this.orm.em, this.orm.em.getConnection().getClient(), sql, params),
  };

  /** Reads: the open transaction's, else a fresh entity manager outside any transaction. */
  reader(): Tx {
    return this.current.getStore() ?? new Tx(this.orm, undefined, this.savePath);
  }

  close(): Promise<void> {
    return this.orm.close();
  }
}

/**
 * Rolls back without hiding why the transaction failed: a rollback that fails too (the connection
 * died) is logged. Kysely releases the connection either way.
 */
async function rollBack(transaction: ControlledTransaction<unknown>): Promise<void> {
  try {
    // Kysely sends ROLLBACK straight on the connection: wait for a statement still in flight first.
    await transaction.getExecutor().provideConnection(async () => undefined);
    await transaction.rollback().execute();
  } catch (error) {
    afterCommitLogger.warn(`rollback failed: ${String(error)}`);
  }
}

/** The platform's own tables (outbox relay, timers, idempotency keys, audit queries, sandbox clock). */
export class PlatformDatabase extends Database {}

/** A context's own tables; each context module gets its own (ContextDatabaseModule). */
export class UnitOfWork extends Database {}
