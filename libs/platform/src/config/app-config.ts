/**
 * Every setting tradehub reads, parsed once from the environment and validated, with the
 * rulebook's defaults for numbers marked (config) in RULES.md. Nothing else reads process.env.
 */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** `api` serves HTTP, `worker` runs the relay, timers and Kafka consumers. */
  roles: ReadonlySet<'api' | 'worker'>;
  databaseUrl: string | undefined;
  embeddedDataDir: string;
  kafka: {
    brokers: string[] | undefined;
    clientId: string;
    /** Topic names are `<namespace>.<context>.v1`; tests give each run its own namespace. */
    namespace: string;
    consumerGroup: string;
    checkoutTopic: string;
    logisticsTopic: string;
  };
  sandbox: boolean;
  demoData: boolean;
  auth: { jwtSecret: string; issuer: string; devSecretInUse: boolean };
  outbox: { pollMs: number; batchSize: number };
  timers: { pollMs: number; batchSize: number; maxAttempts: number };
  orders: {
    /** ORD-2 */ shipWindowHours: number;
    /** ORD-2 */ shipWarningHours: number;
    /** ORD-4 */ lateStrikeWindowDays: number;
    /** ORD-4 */ lateStrikeThreshold: number;
  };
  fulfillment: {
    /** FUL-1: JSON list overriding the approved carriers (code, name, kind, trackingPattern); the built-in list when absent. */
    carriersJson: string | undefined;
    /** FUL-3 */ firstScanHours: number;
    /** FUL-4 */ stallHours: number;
    /** FUL-5 */ proofReviewHours: number;
    /** FUL-5 */ maxProofBytes: number;
  };
  storageDir: string;
  logFormat: 'json' | 'text';
  logLevel: 'error' | 'warn' | 'log' | 'debug';
}

export const APP_CONFIG = Symbol('AppConfig');

export class ConfigError extends Error {}

const DEV_JWT_SECRET = 'tradehub-dev-secret-change-me-0123456789abcdef';

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const sandbox = bool(env, 'SANDBOX', false);
  if (sandbox && nodeEnv === 'production') {
    throw new ConfigError(
      'SANDBOX=true is refused when NODE_ENV=production: the simulated clock is for tests and demos',
    );
  }
  const secret = env.AUTH_JWT_SECRET;
  if (!secret && nodeEnv === 'production') throw new ConfigError('AUTH_JWT_SECRET is required in production');
  if (secret && secret.length < 32) throw new ConfigError('AUTH_JWT_SECRET must be at least 32 characters');
  const roles = (env.ROLES ?? 'api,worker').split(',').map((r) => r.trim());
  for (const role of roles) {
    if (role !== 'api' && role !== 'worker')
      throw new ConfigError(`ROLES: unknown role '${role}' (api, worker)`);
  }
  const namespace = env.KAFKA_TOPIC_NAMESPACE ?? 'tradehub';
  return {
    env: nodeEnv,
    host: env.HOST ?? '127.0.0.1',
    port: int(env, 'PORT', 3000, 0, 65535),
    roles: new Set(roles as ('api' | 'worker')[]),
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedDataDir: env.EMBEDDED_PG_DIR ?? '.data/postgres',
    kafka: {
      brokers: env.KAFKA_BROKERS ? env.KAFKA_BROKERS.split(',').map((b) => b.trim()) : undefined,
      clientId: env.KAFKA_CLIENT_ID ?? 'tradehub',
      namespace,
      consumerGroup: env.KAFKA_CONSUMER_GROUP ?? `${namespace}-consumers`,
      checkoutTopic: env.KAFKA_CHECKOUT_TOPIC ?? 'checkout.order-paid.v1',
      logisticsTopic: env.KAFKA_LOGISTICS_TOPIC ?? 'logistics.tracking.v1',
    },
    sandbox,
    demoData: bool(env, 'DEMO_DATA', false),
    auth: {
      jwtSecret: secret ?? DEV_JWT_SECRET,
      issuer: env.AUTH_JWT_ISSUER ?? 'tradehub',
      devSecretInUse: !secret,
    },
    outbox: {
      pollMs: int(env, 'OUTBOX_POLL_MS', 1000, 10),
      batchSize: int(env, 'OUTBOX_BATCH_SIZE', 500, 1),
    },
    timers: {
      pollMs: int(env, 'TIMER_POLL_MS', 1000, 10),
      batchSize: int(env, 'TIMER_BATCH_SIZE', 100, 1),
      maxAttempts: int(env, 'TIMER_MAX_ATTEMPTS', 10, 1),
    },
    orders: {
      shipWindowHours: num(env, 'ORDER_SHIP_WINDOW_HOURS', 4),
      shipWarningHours: num(env, 'ORDER_SHIP_WARNING_HOURS', 1),
      lateStrikeWindowDays: int(env, 'LATE_STRIKE_WINDOW_DAYS', 90, 1),
      lateStrikeThreshold: int(env, 'LATE_STRIKE_THRESHOLD', 3, 1),
    },
    fulfillment: {
      carriersJson: env.CARRIERS_JSON || undefined,
      firstScanHours: num(env, 'FIRST_SCAN_HOURS', 24),
      stallHours: num(env, 'STALL_HOURS', 72),
      proofReviewHours: num(env, 'PROOF_REVIEW_HOURS', 2),
      maxProofBytes: int(env, 'PROOF_MAX_BYTES', 10 * 1024 * 1024, 1024),
    },
    storageDir: env.STORAGE_DIR ?? '.data/files',
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'text'] as const, 'json'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'log'),
  };
}

function int(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer in [${min}, ${max}], got '${raw}'`);
  }
  return value;
}

function num(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new ConfigError(`${name} must be a positive number, got '${raw}'`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got '${raw}'`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got '${raw}'`);
  }
  return raw as T;
}
