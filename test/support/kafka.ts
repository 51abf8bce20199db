import { Consumer, Kafka, KafkaMessage, logLevel, Producer } from 'kafkajs';
import { waitForTopicLeaders } from '@tradehub/platform';
import { serviceEnv, uniqueName } from './env';

export interface ReceivedMessage {
  topic: string;
  key: string;
  headers: Record<string, string>;
  body: any;
  offset: string;
}

/** Reads topics from the beginning with a group of its own and keeps every message, for assertions. */
export class KafkaProbe {
  readonly messages: ReceivedMessage[] = [];
  private consumer: Consumer | null = null;
  private readonly kafka = new Kafka({
    clientId: 'test-probe',
    brokers: serviceEnv().kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });

  async start(topics: string[]): Promise<void> {
    await this.ensureTopics(topics);
    // Right after topic creation a busy broker may still answer "does not host this topic-partition": retry.
    for (let attempt = 1; ; attempt++) {
      try {
        this.consumer = this.kafka.consumer({ groupId: uniqueName('probe'), maxWaitTimeInMs: 100 });
        await this.consumer.connect();
        await this.consumer.subscribe({ topics, fromBeginning: true });
        await this.consumer.run({
          eachMessage: async ({ topic, message }) => void this.messages.push(decode(topic, message)),
        });
        return;
      } catch (error) {
        await this.consumer?.disconnect().catch(() => undefined);
        if (attempt >= 10) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** Creates missing topics and waits until every partition has a leader. */
  private async ensureTopics(topics: string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t));
      if (missing.length)
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({ topic, numPartitions: 6 })),
        });
      await waitForTopicLeaders(admin, topics);
    } finally {
      await admin.disconnect();
    }
  }

  /** Waits until `predicate` matches at least `count` messages; returns the matches. */
  async waitFor(
    predicate: (m: ReceivedMessage) => boolean,
    count = 1,
    timeoutMs = 20000,
  ): Promise<ReceivedMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.filter(predicate);
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `timed out waiting for ${count} message(s); saw ${this.messages.length}: ${this.messages.map((m) => m.headers.ce_type).join(', ')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  ofType(type: string): ReceivedMessage[] {
    return this.messages.filter((m) => m.headers.ce_type === type);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function decode(topic: string, message: KafkaMessage): ReceivedMessage {
  const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
  return {
    topic,
    key: message.key?.toString() ?? '',
    headers,
    body: JSON.parse(message.value?.toString() ?? 'null'),
    offset: message.offset,
  };
}

/** Plays another team (checkout, logistics) publishing to its own topic. */
export async function producer(): Promise<Producer> {
  const kafka = new Kafka({
    clientId: 'test-producer',
    brokers: serviceEnv().kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const p = kafka.producer();
  await p.connect();
  return p;
}
