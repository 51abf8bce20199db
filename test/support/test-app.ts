import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, Principal, TokenService } from '@tradehub/platform';
import { createApp } from '../../apps/tradehub/src/bootstrap/create-app';
import { createDatabase, dropDatabase } from './database';
import { serviceEnv, topicEnv, uniqueName } from './env';
import { HttpClient } from './http';

/** Where every suite's simulated clock starts: a fixed instant makes deadlines exact in assertions. */
export const T0 = new Date('2026-11-26T00:00:00.000Z');

export interface TestAppOptions {
  /** Share a database (two replicas); a fresh one otherwise. */
  databaseUrl?: string;
  /** Share a topic namespace (restart of the "same" deployment); a fresh one otherwise. */
  namespace?: string;
  /** Publish to the real Kafka broker (default) or deliver in-process. */
  kafka?: boolean;
  env?: Record<string, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  http: HttpClient;
  databaseUrl: string;
  namespace: string;
  topic(context: string): string;
  token(principal: Partial<Principal> & Pick<Principal, 'kind'>): Promise<string>;
  operatorToken(): Promise<string>;
  serviceToken(): Promise<string>;
  sellerToken(stores: string[]): Promise<string>;
  /** Advances the sandbox clock, firing due timers in order. */
  advance(seconds: number): Promise<{ now: string; firedTimers: number }>;
  close(options?: { dropDatabase?: boolean }): Promise<void>;
}

/** Boots the real application (HTTP on a random port, workers) against real PostgreSQL and Kafka. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { kafkaBrokers } = serviceEnv();
  const databaseUrl = options.databaseUrl ?? (await createDatabase());
  const namespace = options.namespace ?? uniqueName('t');
  const env = {
    NODE_ENV: 'test',
    SANDBOX: 'true',
    // A green run is quiet: only errors nobody expected are printed (a suite that provokes them sets `fatal`).
    LOG_LEVEL: 'error',
    OUTBOX_POLL_MS: '100',
    TIMER_POLL_MS: '200',
    ...topicEnv(namespace),
    KAFKA_CONSUMER_GROUP: `${namespace}-consumers`,
    ...(options.kafka === false ? {} : { KAFKA_BROKERS: kafkaBrokers }),
    ...options.env,
  };
  const config = loadConfig(env);
  const app = await createApp({ config, env, databaseUrl, startTime: T0, migrate: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const http = new HttpClient(`http://127.0.0.1:${address.port}`);
  const tokens = app.get(TokenService);
  const token = (p: Partial<Principal> & Pick<Principal, 'kind'>): Promise<string> =>
    tokens.mint({
      id: p.id ?? `test-${p.kind}`,
      kind: p.kind,
      stores: p.stores ?? '*',
      scopes: p.scopes ?? [],
    });
  const operator = await token({ kind: 'operator' });
  return {
    app,
    http,
    databaseUrl,
    namespace,
    topic: (context) => `${namespace}.${context}.v1`,
    token,
    operatorToken: async () => operator,
    serviceToken: () => token({ kind: 'service' }),
    sellerToken: (stores) => token({ kind: 'seller_staff', id: `seller-${stores.join('-')}`, stores }),
    async advance(seconds) {
      const response = await http.post('/v1/sandbox/clock/advance', { seconds }, operator);
      if (response.status !== 200)
        throw new Error(`advance failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    async close(closeOptions = {}) {
      await app.close();
      if (closeOptions.dropDatabase ?? !options.databaseUrl) await dropDatabase(databaseUrl);
    },
  };
}
