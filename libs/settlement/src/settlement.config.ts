import { Provider } from '@nestjs/common';
import { APP_ENV, type Env, int, text } from '@tradehub/platform';
import { DEFAULT_SCHEDULE, type SettlementSchedulePolicy } from './domain';

export const SETTLEMENT_POLICY = Symbol('SettlementPolicy');

export interface SettlementPolicy extends SettlementSchedulePolicy {
  /** The marketplace commission on an order's total, in basis points (default 0). */
  commissionBps: number;
  /** How long an FX quote may be used (SET-4). */
  quoteTtlSeconds: number;
  /** The treasury team's rates (SET-4). */
  treasuryTopic: string;
  /** The payments team's payout results (SET-4). */
  payoutsTopic: string;
}

/** SET-2/3 days and hour, the commission, and the topics of the teams Settlement listens to. */
export function loadSettlementPolicy(env: Env): SettlementPolicy {
  return {
    reviewDay: int(env, 'SETTLEMENT_REVIEW_DAY', DEFAULT_SCHEDULE.reviewDay, 0, 365),
    releaseDay: int(env, 'SETTLEMENT_RELEASE_DAY', DEFAULT_SCHEDULE.releaseDay, 0, 365),
    releaseHourUtc: int(env, 'SETTLEMENT_RELEASE_HOUR_UTC', DEFAULT_SCHEDULE.releaseHourUtc, 0, 23),
    commissionBps: int(env, 'SETTLEMENT_COMMISSION_BPS', 0, 0, 10_000),
    quoteTtlSeconds: int(env, 'FX_QUOTE_TTL_SECONDS', 600, 1, 86_400),
    treasuryTopic: text(env, 'KAFKA_TREASURY_RATES_TOPIC', 'treasury.fx-rates.v1'),
    payoutsTopic: text(env, 'KAFKA_PAYOUT_RESULTS_TOPIC', 'payments.payout-results.v1'),
  };
}

export const settlementConfig: Provider[] = [
  { provide: SETTLEMENT_POLICY, inject: [APP_ENV], useFactory: loadSettlementPolicy },
];
