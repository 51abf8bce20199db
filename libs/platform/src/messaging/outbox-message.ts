import type { OutboxRecord } from '../database/platform-records';

/** An outbox row on its way out: what the relay hands to a publisher. */
export interface OutboxMessage extends OutboxRecord {
  seq: string;
  payload: Record<string, unknown>;
}

/** Where the relay delivers: Kafka, or the in-process dispatcher when no Kafka is configured. */
export interface EventPublisher {
  publish(messages: readonly OutboxMessage[]): Promise<void>;
}

export const EVENT_PUBLISHER = Symbol('EventPublisher');

/** CloudEvents attributes carried as Kafka headers (binary content mode). */
export function cloudEventHeaders(m: OutboxMessage): Record<string, string> {
  return {
    ce_specversion: '1.0',
    ce_id: m.id,
    ce_type: m.type,
    ce_source: m.source,
    ce_time: m.occurredAt.toISOString(),
    ce_subject: m.subject,
    ce_dataschemaversion: String(m.schemaVersion),
    'content-type': 'application/json',
  };
}

/** The JSON body on the wire: the payload with its schema version. */
export function wireBody(m: OutboxMessage): string {
  return JSON.stringify({ schemaVersion: m.schemaVersion, data: m.payload });
}
