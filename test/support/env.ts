/** The services `npm test` (scripts/test.mjs) started or found; a clear failure when run another way. */
export function serviceEnv(): { databaseUrl: string; kafkaBrokers: string } {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  const kafkaBrokers = process.env.KAFKA_BROKERS;
  if (!databaseUrl || !kafkaBrokers) {
    throw new Error(
      'Integration tests need TEST_DATABASE_URL and KAFKA_BROKERS: run them with `npm test`, which provides both.',
    );
  }
  return { databaseUrl, kafkaBrokers };
}

export const uniqueName = (prefix: string): string =>
  `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

/** A suite's own Kafka topics: its events, and the checkout and logistics feeds it consumes. */
export const topicEnv = (namespace: string): Record<string, string> => ({
  KAFKA_TOPIC_NAMESPACE: namespace,
  KAFKA_CHECKOUT_TOPIC: `${namespace}.checkout.order-paid.v1`,
  KAFKA_LOGISTICS_TOPIC: `${namespace}.logistics.tracking.v1`,
  KAFKA_BUYER_DISPUTES_TOPIC: `${namespace}.buyers.disputes.v1`,
  KAFKA_RETURN_TRACKING_TOPIC: `${namespace}.logistics.return-tracking.v1`,
  KAFKA_BUYER_REVIEWS_TOPIC: `${namespace}.buyers.reviews.v1`,
});
