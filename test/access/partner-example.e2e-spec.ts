import { spawn } from 'node:child_process';
import path from 'node:path';
import { seedAccessDemo } from '@tradehub/access';
import { DEMO_ACCOUNTS, DEMO_SELLER } from '../../apps/tradehub/src/demo/demo-data';
import { serviceEnv } from '../support/env';
import { paidOrder } from '../support/orders';
import { startTestApp, type TestApp } from '../support/test-app';

const SCRIPT = path.resolve(__dirname, '../../scripts/partner-example.mjs');

describe("The README's partner example runs against the sandbox (API-1)", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedAccessDemo(t.app, DEMO_ACCOUNTS);
    for (const [mainAccountId, stores] of Object.entries(DEMO_ACCOUNTS))
      for (const storeId of stores) {
        const placed = await t.http.post(
          '/v1/orders',
          paidOrder({ storeId, mainAccountId, sellerId: DEMO_SELLER }),
          await t.operatorToken(),
        );
        expect(placed.status).toBe(201);
      }
  }, 60_000);

  afterAll(() => t?.close());

  it('API-1: register, consent, exchange with PKCE, refresh, page orders of every store, confirm a batch, read the events', async () => {
    const port = (t.app.getHttpServer().address() as { port: number }).port;
    const operatorToken = await t.operatorToken();
    const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn(process.execPath, [SCRIPT], {
        env: {
          PATH: process.env.PATH ?? '',
          TRADEHUB_URL: `http://127.0.0.1:${port}`,
          OPERATOR_TOKEN: operatorToken,
          KAFKA_BROKERS: serviceEnv().kafkaBrokers,
          KAFKA_TOPIC_NAMESPACE: t.namespace,
        },
      });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.on('close', (code) => resolve({ code, text }));
    });
    expect(output.text).not.toContain('failed:');
    expect(output.code).toBe(0);
    expect(output.text).toMatch(/\[erp\] 3 orders awaiting shipment in stores .*store-/);
    expect(output.text.match(/\[erp\] shipment \S+ SHIPPED/g)).toHaveLength(3);
    expect(output.text.match(/\[erp\] event tradehub\.fulfillment\.\S+ \S+/g)?.length).toBe(3);
  }, 90_000);
});
