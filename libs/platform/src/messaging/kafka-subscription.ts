import { KafkaMessage } from 'kafkajs';

/** One consumer group's subscription: which topics, and what to do with each message. */
export interface KafkaSubscription {
  /** Full consumer group id. */
  readonly group: string;
  readonly topics: readonly string[];
  /** Settings for topics this subscription creates (e.g. a short retention). */
  readonly topicConfig?: readonly { name: string; value: string }[];
  /** Read what the group never committed from the start (events), or only what comes next (replies). */
  readonly fromBeginning: boolean;
  handle(topic: string, partition: number, message: KafkaMessage): Promise<void>;
  /** Called once the group is joined and its partitions assigned. */
  onJoined?(): void;
}
