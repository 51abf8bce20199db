import { KafkaMessage } from 'kafkajs';
import { IncomingEvent } from './event-handler';

/**
 * Our own events carry CloudEvents headers and a `{schemaVersion, data}` body; other teams'
 * plain JSON messages are taken whole, identified by their position in the log.
 */
export function toIncomingEvent(topic: string, partition: number, message: KafkaMessage): IncomingEvent {
  const header = (name: string): string | undefined => message.headers?.[name]?.toString();
  const body: unknown = message.value ? JSON.parse(message.value.toString('utf8')) : {};
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
