import { bool, ConfigError, Env, int, oneOf, text } from './env';

export { ConfigError } from './env';

/** The bounded contexts a process can run; each is a Nest module in `libs/`. */
export const CONTEXT_NAMES = [
  'orders',
  'fulfillment',
  'settlement',
  'disputes',
  'reviews',
  'compliance',
] as const;
export type ContextName = (typeof CONTEXT_NAMES)[number];

/**
 * The platform's settings, parsed once from the environment and validated. The platform knows no
 * context's rules: each context reads its own settings and topic names (`<context>.config.ts`).
 */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** `api` serves HTTP, `worker` runs the relay, timers and Kafka consumers. */
  roles: ReadonlySet<'api' | 'worker'>;
  /** The contexts this process runs (default all); the others are reached through Kafka. */
  contexts: ReadonlySet<ContextName>;
  databaseUrl: string | undefined;
  embeddedDataDir: string;
  database: { poolMax: number };
  kafka: {
    brokers: string[] | undefined;
    clientId: string;
    /** Topic names are `<namespace>.<context>.v1`; tests give each run its own namespace. */
    namespace: string;
    /** Each context consumes in group `<consumerGroup>.<context>`. */
    consumerGroup: string;
  };
  sandbox: boolean;
  demoData: boolean;
  auth: {
    jwtSecret: string;
    issuer: string;
    devSecretInUse: boolean;
    /** Whether HS256 development tokens (the token CLI) are accepted: the sandbox's, never production's. */
    devTokens: boolean;
    /** Where callers reach this deployment; the OAuth 2.0 issuer is `<publicUrl>/oauth`, the API resource `<publicUrl>/v1`. */
    publicUrl: string;
    /** Behind a TLS-terminating proxy: take X-Forwarded-Proto/Host (sign-in cookies then get Secure). */
    trustProxy: boolean;
  };
  outbox: { pollMs: number; batchSize: number; lingerMs: number };
  timers: { pollMs: number; batchSize: number; maxAttempts: number; concurrency: number };
  /** The largest upload any route accepts; a route may set a smaller limit of its own. */
  /** API-3: how long a request holds its Idempotency-Key before a retry may take it over (a crashed attempt). */
  idempotencyLeaseSeconds: number;
  uploadMaxBytes: number;
  storageDir: string;
  logFormat: 'json' | 'text';
  /** `fatal` keeps only what stops the process (tests that provoke failures on purpose). */
  logLevel: 'fatal' | 'error' | 'warn' | 'log' | 'debug';
}

export const APP_CONFIG = Symbol('AppConfig');

const DEV_JWT_SECRET = 'tradehub-dev-secret-change-me-0123456789abcdef';

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const sandbox = bool(env, 'SANDBOX', false);
  if (sandbox && nodeEnv === 'production') {
    throw new ConfigError(
      'SANDBOX=true is refused when NODE_ENV=production: the simulated clock is for tests and demos',
    );
  }
  const devTokens = bool(env, 'AUTH_DEV_TOKENS', sandbox);
  if (devTokens && nodeEnv === 'production') {
    throw new ConfigError(
      'AUTH_DEV_TOKENS=true is refused when NODE_ENV=production: partners sign in with OAuth 2.0',
    );
  }
  if (nodeEnv === 'production' && !env.PUBLIC_URL)
    throw new ConfigError(
      'PUBLIC_URL is required in production: it names the OAuth issuer and the tokens audience',
    );
  const secret = env.AUTH_JWT_SECRET;
  if (secret && secret.length < 32) throw new ConfigError('AUTH_JWT_SECRET must be at least 32 characters');
  const namespace = text(env, 'KAFKA_TOPIC_NAMESPACE', 'tradehub');
  const brokers = env.KAFKA_BROKERS ? env.KAFKA_BROKERS.split(',').map((b) => b.trim()) : undefined;
  const contexts = list(env, 'CONTEXTS', CONTEXT_NAMES);
  if (contexts.size < CONTEXT_NAMES.length && !brokers) {
    throw new ConfigError(
      'CONTEXTS: running some contexts only needs KAFKA_BROKERS (the others are reached through Kafka)',
    );
  }
  return {
    env: nodeEnv,
    host: text(env, 'HOST', '127.0.0.1'),
    port: int(env, 'PORT', 3000, 0, 65535),
    roles: list(env, 'ROLES', ['api', 'worker'] as const),
    contexts,
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedDataDir: text(env, 'EMBEDDED_PG_DIR', '.data/postgres'),
    database: { poolMax: int(env, 'DATABASE_POOL_MAX', 10, 1, 200) },
    kafka: {
      brokers,
      clientId: text(env, 'KAFKA_CLIENT_ID', 'tradehub'),
      namespace,
      consumerGroup: text(env, 'KAFKA_CONSUMER_GROUP', `${namespace}-consumers`),
    },
    sandbox,
    demoData: bool(env, 'DEMO_DATA', false),
    auth: {
      jwtSecret: secret ?? DEV_JWT_SECRET,
      issuer: text(env, 'AUTH_JWT_ISSUER', 'tradehub'),
      devSecretInUse: !secret,
      devTokens,
      trustProxy: bool(env, 'TRUST_PROXY', false),
      publicUrl: text(env, 'PUBLIC_URL', `http://127.0.0.1:${int(env, 'PORT', 3000, 0, 65535)}`).replace(
        /\/+$/,
        '',
      ),
    },
    outbox: {
      pollMs: int(env, 'OUTBOX_POLL_MS', 1000, 10),
      batchSize: int(env, 'OUTBOX_BATCH_SIZE', 500, 1),
      lingerMs: int(env, 'OUTBOX_LINGER_MS', 5, 0, 1000),
    },
    timers: {
      pollMs: int(env, 'TIMER_POLL_MS', 1000, 10),
      batchSize: int(env, 'TIMER_BATCH_SIZE', 500, 1),
      maxAttempts: int(env, 'TIMER_MAX_ATTEMPTS', 10, 1),
      concurrency: int(env, 'TIMER_CONCURRENCY', 8, 1, 64),
    },
    idempotencyLeaseSeconds: int(env, 'IDEMPOTENCY_LEASE_SECONDS', 30, 1, 3600),
    uploadMaxBytes: int(env, 'UPLOAD_MAX_BYTES', 32 * 1024 * 1024, 1024),
    storageDir: text(env, 'STORAGE_DIR', '.data/files'),
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'text'] as const, 'json'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'log', 'debug'] as const, 'log'),
  };
}

/** A comma-separated subset of `allowed`; all of it when absent. */
function list<T extends string>(env: Env, name: string, allowed: readonly T[]): ReadonlySet<T> {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return new Set(allowed);
  const items = raw.split(',').map((r) => r.trim());
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item))
      throw new ConfigError(`${name}: unknown value '${item}' (${allowed.join(', ')})`);
  }
  return new Set(items as T[]);
}
