import type { Database, Tx } from '../database/unit-of-work';

/** An event as a consumer sees it, whether it came from Kafka or from the in-process relay. */
export interface IncomingEvent {
  id: string;
  type: string;
  topic: string;
  key: string;
  source: string;
  subject: string;
  time: Date;
  schemaVersion: number;
  data: Record<string, unknown>;
}

/**
 * A consumer of one topic, run in its context's database: its effect and the inbox record of the
 * event id commit in one transaction (at-least-once delivery, exactly-once effect).
 */
export interface EventHandler {
  /** Unique per handler; the inbox key. */
  readonly consumer: string;
  readonly topic: string;
  /** Event types handled; all types of the topic when absent. */
  readonly types?: readonly string[];
  /** The context's database the handler writes to; its name is the consumer group's suffix. */
  readonly database: Database;
  handle(event: IncomingEvent, tx: Tx): Promise<void>;
}
