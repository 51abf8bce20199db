import type { OutboxRecord } from '../database/platform-records';

/** An outbox row on its way out: what the relay hands to a publisher. */
export interface OutboxMessage extends Omit<OutboxRecord, 'payload' | 'occurredAt'> {
  seq: string;
  /** The payload's JSON text as PostgreSQL prints it: sent on as it is, not parsed and written again. */
  payloadJson: string;
  /** When it occurred, in ISO 8601 as `Date.toISOString` writes it (the CloudEvents `time`). */
  time: string;
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
    ce_time: m.time,
    ce_subject: m.subject,
    ce_dataschemaversion: String(m.schemaVersion),
    'content-type': 'application/json',
  };
}

/** The JSON body on the wire: the payload with its schema version (an integer, so no escaping). */
export function wireBody(m: OutboxMessage): string {
  return `{"schemaVersion":${m.schemaVersion},"data":${m.payloadJson}}`;
}
