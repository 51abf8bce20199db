import { defineEntity, p } from '@mikro-orm/postgresql';

/** An integration event waiting in the outbox for the relay; written in the transaction of its cause. */
export class OutboxRecord {
  id!: string;
  topic!: string;
  key!: string;
  type!: string;
  schemaVersion!: number;
  source!: string;
  subject!: string;
  payload!: object;
  occurredAt!: Date;
}

export const OutboxRecordSchema = defineEntity({
  class: OutboxRecord,
  tableName: 'outbox',
  schema: 'platform',
  properties: {
    id: p.uuid().primary(),
    topic: p.text(),
    key: p.text(),
    type: p.text(),
    schemaVersion: p.integer(),
    source: p.text(),
    subject: p.text(),
    payload: p.json<object>(),
    occurredAt: p.datetime().columnType('timestamptz'),
  },
});

/** CMP-6: one append-only record of a state change: who, when, in which request, what changed. */
export class AuditRecord {
  id!: string;
  at!: Date;
  actor!: string;
  actorKind!: string;
  requestId!: string | null;
  action!: string;
  subjectType!: string;
  subjectId!: string;
  storeId!: string | null;
  /** Field name -> `{ from, to }` (from is null for a record just created). */
  changes!: Record<string, unknown>;
  /** The integration events the change raised, by outbox id. */
  events!: { id: string; type: string }[];
}

export const AuditRecordSchema = defineEntity({
  class: AuditRecord,
  tableName: 'audit_log',
  schema: 'platform',
  properties: {
    id: p.uuid().primary(),
    at: p.datetime().columnType('timestamptz'),
    actor: p.text(),
    actorKind: p.text(),
    requestId: p.text().nullable(),
    action: p.text(),
    subjectType: p.text(),
    subjectId: p.text(),
    storeId: p.text().nullable(),
    changes: p.json<Record<string, unknown>>(),
    events: p.json<{ id: string; type: string }[]>(),
  },
});

/** The platform ORM maps these; every transaction writes them through PlatformWrites, in one statement. */
export const PLATFORM_RECORDS = [OutboxRecordSchema, AuditRecordSchema];
