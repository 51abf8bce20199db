import { KafkaMessage } from 'kafkajs';
import { jsonNestsDeeperThan, TOO_DEEP_MESSAGE } from '../http/json-depth';
import { IncomingEvent } from './event-handler';

/**
 * Our own events carry CloudEvents headers and a `{schemaVersion, data}` body; other teams'
 * plain JSON messages are taken whole, identified by their position in the log.
 */
export function toIncomingEvent(topic: string, partition: number, message: KafkaMessage): IncomingEvent {
  const header = (name: string): string | undefined => message.headers?.[name]?.toString();
  const text = message.value?.toString('utf8');
  // Bounded before parsing, like a request body: validation walks the data recursively.
  if (text && jsonNestsDeeperThan(text)) throw new Error(`the message ${TOO_DEEP_MESSAGE}`);
  const body: unknown = text ? JSON.parse(text) : {};
  const ceId = header('ce_id');
  const wrapped = ceId !== undefined && isRecord(body) && isRecord(body.data);
  return {
    id: ceId ?? `${topic}/${partition}/${message.offset}`,
    type: header('ce_type') ?? topic,
    topic,
    key: message.key?.toString() ?? '',
    source: header('ce_source') ?? topic,
    subject: header('ce_subject') ?? '',
    time: new Date(header('ce_time') ?? Number(message.timestamp)),
    schemaVersion: Number(header('ce_dataschemaversion') ?? (isRecord(body) ? (body.schemaVersion ?? 1) : 1)),
    data: wrapped ? (body.data as Record<string, unknown>) : isRecord(body) ? body : { value: body },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
