import { Producer } from 'kafkajs';
import { withClient } from '../support/database';
import { producer } from '../support/kafka';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';

describe("ORD-1 checkout's paid-order events through the Kafka consumer", () => {
  let t: TestApp;
  let checkout: Producer;
  let service: string;
  const topic = (): string => `${t.namespace}.checkout.order-paid.v1`;

  beforeAll(async () => {
    t = await startTestApp();
    checkout = await producer();
    service = await t.serviceToken();
  });

  afterAll(async () => {
    await checkout.disconnect();
    await t.close();
  });

  const findByMarketplaceId = async (
    marketplaceOrderId: string,
    timeoutMs = 15000,
  ): Promise<{ id: string }[]> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const list = await t.http.get('/v1/orders?limit=200', service);
      const found = list.body.items.filter(
        (o: { marketplaceOrderId: string }) => o.marketplaceOrderId === marketplaceOrderId,
      );
      if (found.length > 0 || Date.now() > deadline) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('ORD-1: a paid order published by checkout enters, once, even when delivered twice', async () => {
    const body = paidOrder();
    const message = { key: body.marketplaceOrderId, value: JSON.stringify(body) };
    await checkout.send({ topic: topic(), messages: [message, message] });
    const found = await findByMarketplaceId(body.marketplaceOrderId);
    expect(found).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await findByMarketplaceId(body.marketplaceOrderId)).toHaveLength(1);
  });

  it('ORD-1: unreadable or refused messages are skipped without blocking the orders behind them', async () => {
    const foreign = paidOrder({ channel: 'shopify' });
    const invalid = paidOrder({ lines: [] });
    const good = paidOrder();
    await checkout.send({
      topic: topic(),
      messages: [
        // One key, so all four share a partition and the bad ones stand in front of the good one.
        { key: 'one-partition', value: '{not json' },
        { key: 'one-partition', value: JSON.stringify(foreign) },
        { key: 'one-partition', value: JSON.stringify(invalid) },
        { key: 'one-partition', value: JSON.stringify(good) },
      ],
    });
    expect(await findByMarketplaceId(good.marketplaceOrderId)).toHaveLength(1);
    expect(await findByMarketplaceId(foreign.marketplaceOrderId, 0)).toHaveLength(0);
    expect(await findByMarketplaceId(invalid.marketplaceOrderId, 0)).toHaveLength(0);
    // The unreadable one is kept for operators as a dead letter, with where it was and why.
    const dead = await withClient(
      t.databaseUrl,
      async (c) => (await c.query(`select topic, key, value, error from platform.dead_letters`)).rows,
    );
    expect(dead).toEqual([
      expect.objectContaining({
        topic: topic(),
        key: 'one-partition',
        value: '{not json',
        error: expect.stringContaining('unreadable'),
      }),
    ]);
  });
});
