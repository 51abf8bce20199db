import { Injectable } from '@nestjs/common';
import { KafkaConnection } from './kafka-connection';
import { cloudEventHeaders, EventPublisher, OutboxMessage, wireBody } from './outbox-message';

/** Publishes outbox rows: key = aggregate id (one order's events stay in order), acks from all replicas. */
@Injectable()
export class KafkaPublisher implements EventPublisher {
  constructor(private readonly connection: KafkaConnection) {}

  async publish(messages: readonly OutboxMessage[]): Promise<void> {
    const byTopic = new Map<string, OutboxMessage[]>();
    for (const m of messages) {
      const rows = byTopic.get(m.topic);
      if (rows) rows.push(m);
      else byTopic.set(m.topic, [m]);
    }
    try {
      const producer = await this.connection.getProducer();
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, rows]) => ({
          topic,
          messages: rows.map((m) => ({ key: m.key, value: wireBody(m), headers: cloudEventHeaders(m) })),
        })),
      });
      this.connection.report(true);
    } catch (error) {
      this.connection.report(false, error);
      throw error;
    }
  }
}
