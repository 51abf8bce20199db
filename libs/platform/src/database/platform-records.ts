/** An integration event waiting in the outbox for the relay; written in the transaction of its cause. */
export interface OutboxRecord {
  id: string;
  topic: string;
  key: string;
  type: string;
  schemaVersion: number;
  source: string;
  subject: string;
  payload: object;
  occurredAt: Date;
}

/** CMP-6: one append-only record of a state change: who, when, in which request, what changed. */
export interface AuditRecord {
  id: string;
  at: Date;
  actor: string;
  actorKind: string;
  requestId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  storeId: string | null;
  /** Field name -> `{ from, to }` (from is null for a record just created). */
  changes: Record<string, unknown>;
  /** The integration events the change raised, by outbox id. */
  events: { id: string; type: string }[];
}
