import { Provider } from '@nestjs/common';
import { APP_ENV, ConfigError, type Env, int } from '@tradehub/platform';
import {
  DEFAULT_DOWNGRADE_BARS,
  DEFAULT_SLA_PARTS,
  type DowngradeBars,
  formatDecimal,
  parseDecimal,
  type SlaPartPolicy,
} from './domain';

export const STANDING_POLICY = Symbol('StandingPolicy');

export interface StandingPolicy {
  /** ANA-1, CMP-1, CMP-2: the window in UTC days (today included). */
  windowDays: number;
  /** CMP-2: an order counts as slow when its first shipment came more than this after payment. */
  slowFulfillmentHours: number;
  sla: readonly SlaPartPolicy[];
  bars: DowngradeBars;
  /** CMP-3: each DSR dimension's bar, in ten-thousandths. */
  campaignDsrBar: bigint;
}

function decimal(env: Env, name: string, fallback: bigint, places: number): bigint {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  try {
    return parseDecimal(raw, places);
  } catch {
    throw new ConfigError(`${name} must be a decimal with at most ${places} places, got '${raw}'`);
  }
}

/** CMP-1 parts: `SLA_<METRIC>_WEIGHT`, `_BEST` and `_WORST` (rates as fractions, DSR as a mean); weights sum to 100. */
function slaParts(env: Env): SlaPartPolicy[] {
  const parts = DEFAULT_SLA_PARTS.map((d) => ({
    metric: d.metric,
    weight: int(env, `SLA_${d.metric}_WEIGHT`, d.weight, 0, 100),
    best: decimal(env, `SLA_${d.metric}_BEST`, d.best, 6),
    worst: decimal(env, `SLA_${d.metric}_WORST`, d.worst, 6),
  }));
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  if (total !== 100) throw new ConfigError(`the SLA_*_WEIGHT settings must sum to 100, got ${total}`);
  for (const p of parts)
    if (p.best === p.worst)
      throw new ConfigError(`SLA_${p.metric}_BEST and _WORST must differ (${formatDecimal(p.best, 6)})`);
  return parts;
}

export function loadStandingPolicy(env: Env): StandingPolicy {
  return {
    windowDays: int(env, 'COMPLIANCE_WINDOW_DAYS', 90, 1, 730),
    slowFulfillmentHours: int(env, 'CMP_SLOW_FULFILLMENT_HOURS', 72, 1, 24 * 60),
    sla: slaParts(env),
    bars: {
      slowFulfillmentShare: decimal(
        env,
        'CMP_SLOW_FULFILLMENT_SHARE_BAR',
        DEFAULT_DOWNGRADE_BARS.slowFulfillmentShare,
        6,
      ),
      disputeRate: decimal(env, 'CMP_DISPUTE_RATE_BAR', DEFAULT_DOWNGRADE_BARS.disputeRate, 6),
      positiveRate: decimal(env, 'CMP_POSITIVE_RATE_BAR', DEFAULT_DOWNGRADE_BARS.positiveRate, 6),
    },
    campaignDsrBar: decimal(env, 'CMP_CAMPAIGN_DSR_BAR', 47_000n, 4),
  };
}

export const standingConfig: Provider[] = [
  { provide: STANDING_POLICY, inject: [APP_ENV], useFactory: loadStandingPolicy },
];
