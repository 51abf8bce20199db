import { AggregateRoot, type Clock, Deadline, DomainEvent, newId } from '@tradehub/kernel';
import { EntityClass, EntityManager, EntityMetadata, EntityProperty } from '@mikro-orm/postgresql';
import { requestContext } from '../http/request-context';
import { Topics } from '../messaging/topics';
import { Timers } from '../timers/timers';
import type { OutboxRecord } from './platform-records';
import { entityRows } from './entity-rows';
import type { Tx } from './unit-of-work';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  storeId?: string | null;
  changes?: Record<string, unknown>;
}

/**
 * The one save path (STYLE 17). Before a transaction commits it visits every entity the
 * transaction loaded or created; for each one that changed or raised events it writes its row
 * (entity-rows), appends the events to the outbox, schedules and cancels the timers of the
 * deadlines that moved, and writes the audit record (actor, time, request id, before and after of
 * each changed field). A handler cannot forget any of them, and a new context gets them by mapping
 * its aggregates.
 */
export class SavePath {
  constructor(
    private readonly topics: Topics,
    private readonly timers: Timers,
    private readonly clock: Clock,
  ) {}

  async finish(tx: Tx): Promise<void> {
    // Records a repository deleted with SQL are audited from the entity manager's view of them.
    const em = tx.records.removed.size > 0 ? tx.em : tx.openedEm;
    if (em) this.visit(tx, em);
    await tx.platformWrites.write(tx);
    // Every row is in the statement above; the ORM's own flush at commit has nothing left to write.
    em?.clear();
  }

  /** Every entity the transaction loaded, created or removed: its row, events, timers and audit. */
  private visit(tx: Tx, em: EntityManager): void {
    const uow = em.getUnitOfWork();
    const removedByOrm = new Set<object>(uow.getRemoveStack());
    const touched = new Set<object>([...uow.getIdentityMap().values(), ...uow.getPersistStack()]);
    for (const entity of touched) {
      if (tx.records.removed.has(entity)) continue;
      const diff = diffOf(em, entity);
      if (!diff) continue;
      if (entity instanceof AggregateRoot) this.write(tx, entity, diff);
      else if (tx.records.saved.has(entity)) this.record(tx, entity, 'recorded', diff);
      this.writeRow(tx, entity, diff);
    }
    for (const entity of tx.records.removed) {
      const diff = diffOf(em, entity, true);
      if (diff && removedByOrm.has(entity))
        tx.platformWrites.addRow(entityRows.delete(diff.meta, diff.current));
      // A removed aggregate's timers go with it; its removal is audited by the handler, which knows why.
      if (entity instanceof AggregateRoot) this.cancelDeadlines(tx, entity);
      else if (diff) this.record(tx, entity, 'removed', diff);
    }
  }

  private writeRow(tx: Tx, entity: object, diff: Diff): void {
    const row = diff.created
      ? entityRows.insert(diff.meta, entity as Form, diff.current)
      : entityRows.update(diff.meta, entity as Form, diff.current, Object.keys(diff.changed));
    if (row) tx.platformWrites.addRow(row);
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
  private record(tx: Tx, entity: object, what: 'recorded' | 'removed', diff: Diff): void {
    const subjectId = diff.meta.primaryKeys
      .map((key) => String((entity as Record<string, unknown>)[key]))
      .join('/');
    const storeId = (entity as { storeId?: unknown }).storeId;
    this.audit(
      tx,
      {
        action: `${diff.meta.tableName}.${what}`,
        subjectType: diff.meta.tableName,
        subjectId,
        storeId: typeof storeId === 'string' ? storeId : null,
        changes: auditChanges(diff),
      },
      [],
    );
  }

  private write(tx: Tx, aggregate: AggregateRoot, diff: Diff): void {
    const changes = auditChanges(diff);
    const events = aggregate.pullEvents();
    const action = aggregate.pullAction();
    if (Object.keys(changes).length === 0 && events.length === 0) return;
    const outbox = this.outbox(tx, events);
    this.audit(
      tx,
      {
        action: action ?? `${aggregate.aggregateType}.${diff.created ? 'created' : 'updated'}`,
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
 * Each loaded entity's stored form, as loaded: the audit's "before" and what the row's UPDATE
 * compares with. Kept here rather than taken from the ORM, whose snapshot of a mapped row
 * (`em.map`) is the row as read, not the comparator's form.
 */
const loadedForms = new WeakMap<object, Record<string, unknown>>();

/** Whether this process holds the entity's stored form (it loaded or wrote the entity). */
export function isRemembered(entity: object): boolean {
  return loadedForms.has(entity);
}

export function rememberLoaded(em: EntityManager, entity: object): void {
  loadedForms.set(entity, em.getComparator().prepareEntity(entity) as Record<string, unknown>);
}

const sameInstant = (a: Date | null, b: Date | null): boolean =>
  a === null || b === null ? a === b : a.getTime() === b.getTime();

type Form = Record<string, unknown>;

/** An entity's stored form before (null when new) and now, and the fields between them that differ. */
interface Diff {
  meta: EntityMetadata;
  created: boolean;
  removed: boolean;
  original: Form | undefined;
  current: Form;
  changed: Form;
}

function diffOf(em: EntityManager, entity: object, removed = false): Diff | null {
  const meta = em.getMetadata().find(entity.constructor as EntityClass<object>) as EntityMetadata | undefined;
  if (!meta) return null;
  const comparator = em.getComparator();
  const original = loadedForms.get(entity);
  const current = comparator.prepareEntity(entity) as Form;
  loadedForms.set(entity, current);
  const changed = original ? (comparator.diffEntities(meta.class, original, current) as Form) : current;
  return { meta, created: !original, removed, original, current, changed };
}

/**
 * Field -> {from, to} for every mapped field the transaction changed: all fields of a new record,
 * or of a removed one (to null).
 */
function auditChanges(diff: Diff): Record<string, { from: unknown; to: unknown }> {
  const { meta, original, current } = diff;
  if (diff.removed) {
    return Object.fromEntries(
      Object.keys(current).map((key) => [
        key,
        { from: auditValue(meta.properties[key], current[key]), to: null },
      ]),
    );
  }
  return Object.fromEntries(
    Object.keys(diff.changed).map((key) => [
      key,
      {
        from: original ? auditValue(meta.properties[key], original[key]) : null,
        to: auditValue(meta.properties[key], current[key]),
      },
    ]),
  );
}

/** Database form to readable JSON: JSON columns parsed, bigints as strings, instants as ISO; hidden fields masked. */
function auditValue(prop: EntityProperty | undefined, value: unknown): unknown {
  // A field mapped `hidden` (a secret's hash) is recorded as changed, never its value.
  if (prop?.hidden) return value === null || value === undefined ? null : '(hidden)';
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
