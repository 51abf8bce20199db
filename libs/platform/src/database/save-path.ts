import { AggregateRoot, type Clock, Deadline, DomainEvent, newId } from '@tradehub/kernel';
import { EntityClass, EntityManager, EntityMetadata, EntityProperty } from '@mikro-orm/postgresql';
import { requestContext } from '../http/request-context';
import { Topics } from '../messaging/topics';
import { Timers } from '../timers/timers';
import type { OutboxRecord } from './platform-records';
import type { Tx } from './unit-of-work';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  storeId?: string | null;
  changes?: Record<string, unknown>;
}

/**
 * The one save path (STYLE 17). Before a transaction commits it visits every aggregate the
 * transaction loaded or created; for each one that changed or raised events it appends the
 * events to the outbox, schedules and cancels the timers of the deadlines that moved, and writes
 * the audit record (actor, time, request id, before and after of each changed field). A handler
 * cannot forget any of the four, and a new context gets them by mapping its aggregates.
 */
export class SavePath {
  constructor(
    private readonly topics: Topics,
    private readonly timers: Timers,
    private readonly clock: Clock,
  ) {}

  async finish(tx: Tx): Promise<void> {
    const uow = tx.em.getUnitOfWork();
    const touched = new Set<object>([...uow.getIdentityMap().values(), ...uow.getPersistStack()]);
    for (const entity of touched) {
      if (tx.records.removed.has(entity)) continue;
      if (entity instanceof AggregateRoot) this.write(tx, entity);
    }
    for (const entity of tx.records.saved)
      if (!tx.records.removed.has(entity)) this.record(tx, entity, 'recorded');
    for (const entity of tx.records.removed) {
      // A removed aggregate's timers go with it; its removal is audited by the handler, which knows why.
      if (entity instanceof AggregateRoot) this.cancelDeadlines(tx, entity);
      else this.record(tx, entity, 'removed');
    }
    await tx.platformWrites.write(tx);
  }

  private cancelDeadlines(tx: Tx, aggregate: AggregateRoot): void {
    const pending = aggregate.savedDeadlines().filter((d) => d.dueAt !== null);
    this.syncTimers(
      tx,
      aggregate,
      pending.map((d) => ({ kind: d.kind, dueAt: null })),
    );
  }

  private syncTimers(tx: Tx, aggregate: AggregateRoot, moved: readonly Deadline[]): void {
    if (moved.length === 0) return;
    const { schedule, cancel } = this.timers.plan(aggregate.timerSubject, { id: aggregate.id }, moved);
    tx.platformWrites.addTimers(schedule, cancel, aggregate.timerSubject, this.clock.now());
  }

  outbox(tx: Tx, events: readonly DomainEvent<object>[]): OutboxRecord[] {
    return events.map((event) => {
      const record: OutboxRecord = {
        id: newId(),
        topic: this.topics.forContext(event.context),
        key: event.aggregateId,
        type: event.type,
        schemaVersion: event.schemaVersion,
        source: `/tradehub/${event.context}`,
        subject: `${event.aggregateType}/${event.aggregateId}`,
        payload: event.payload,
        occurredAt: event.occurredAt,
      };
      tx.platformWrites.addOutbox(record);
      return record;
    });
  }

  audit(tx: Tx, entry: AuditEntry, events: readonly OutboxRecord[]): void {
    const { requestId, principal } = requestContext.current();
    tx.platformWrites.addAudit({
      id: newId(),
      at: this.clock.now(),
      actor: principal.id,
      actorKind: principal.kind,
      requestId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      storeId: entry.storeId ?? null,
      changes: entry.changes ?? {},
      events: events.map((e) => ({ id: e.id, type: e.type })),
    });
  }

  /** CMP-6 for a record with no aggregate: what was written, or what a removal took away. */
  private record(tx: Tx, entity: object, what: 'recorded' | 'removed'): void {
    const meta = tx.em.getMetadata().find(entity.constructor as EntityClass<object>) as
      EntityMetadata | undefined;
    if (!meta) return;
    const changes = fieldChanges(tx.em, entity, what === 'removed');
    const subjectId = meta.primaryKeys
      .map((key) => String((entity as Record<string, unknown>)[key]))
      .join('/');
    const storeId = (entity as { storeId?: unknown }).storeId;
    this.audit(
      tx,
      {
        action: `${meta.tableName}.${what}`,
        subjectType: meta.tableName,
        subjectId,
        storeId: typeof storeId === 'string' ? storeId : null,
        changes,
      },
      [],
    );
  }

  private write(tx: Tx, aggregate: AggregateRoot): void {
    const created = !loadedForms.has(aggregate);
    const changes = fieldChanges(tx.em, aggregate);
    const events = aggregate.pullEvents();
    const action = aggregate.pullAction();
    if (Object.keys(changes).length === 0 && events.length === 0) return;
    const outbox = this.outbox(tx, events);
    this.audit(
      tx,
      {
        action: action ?? `${aggregate.aggregateType}.${created ? 'created' : 'updated'}`,
        subjectType: aggregate.aggregateType,
        subjectId: aggregate.id,
        storeId: aggregate.storeId,
        changes,
      },
      outbox,
    );
    this.syncDeadlines(tx, aggregate);
  }

  /** Timers change only where a deadline moved: a new aggregate schedules, and cancels nothing. */
  private syncDeadlines(tx: Tx, aggregate: AggregateRoot): void {
    const before = new Map(aggregate.savedDeadlines().map((d) => [d.kind, d.dueAt]));
    const moved: Deadline[] = [];
    for (const deadline of aggregate.deadlines()) {
      if (!sameInstant(before.get(deadline.kind) ?? null, deadline.dueAt)) moved.push(deadline);
      before.delete(deadline.kind);
    }
    for (const [kind, dueAt] of before) if (dueAt) moved.push({ kind, dueAt: null });
    this.syncTimers(tx, aggregate, moved);
    aggregate.markDeadlinesSaved();
  }
}

/**
 * Each loaded entity's stored form, as loaded: the audit's "before". Kept here rather than taken
 * from the ORM, whose snapshot moves whenever it flushes early (before a query in the same transaction).
 */
const loadedForms = new WeakMap<object, Record<string, unknown>>();

export function rememberLoaded(em: EntityManager, entity: object): void {
  loadedForms.set(entity, em.getComparator().prepareEntity(entity) as Record<string, unknown>);
}

const sameInstant = (a: Date | null, b: Date | null): boolean =>
  a === null || b === null ? a === b : a.getTime() === b.getTime();

/**
 * Field -> {from, to} for every mapped field the transaction changed: all fields of a new record,
 * or of a removed one (to null).
 */
function fieldChanges(
  em: EntityManager,
  entity: object,
  removed = false,
): Record<string, { from: unknown; to: unknown }> {
  const meta = em.getMetadata().find(entity.constructor as EntityClass<object>) as EntityMetadata | undefined;
  if (!meta) return {};
  const comparator = em.getComparator();
  const original = loadedForms.get(entity);
  const current = comparator.prepareEntity(entity) as Record<string, unknown>;
  loadedForms.set(entity, current);
  if (removed) {
    return Object.fromEntries(
      Object.keys(current).map((key) => [
        key,
        { from: auditValue(meta.properties[key], current[key]), to: null },
      ]),
    );
  }
  const changed = original ? comparator.diffEntities(meta.class, original, current) : current;
  return Object.fromEntries(
    Object.keys(changed).map((key) => [
      key,
      {
        from: original ? auditValue(meta.properties[key], original[key]) : null,
        to: auditValue(meta.properties[key], current[key]),
      },
    ]),
  );
}

/** Database form to readable JSON: JSON columns parsed, bigints as strings, instants as ISO. */
function auditValue(prop: EntityProperty | undefined, value: unknown): unknown {
  if (typeof value === 'string' && prop?.columnTypes?.some((t) => t === 'json' || t === 'jsonb')) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}
