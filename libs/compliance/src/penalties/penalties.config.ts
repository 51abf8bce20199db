import { Provider } from '@nestjs/common';
import { APP_ENV, type Env, int } from '@tradehub/platform';

export const PENALTY_POLICY = Symbol('PenaltyPolicy');

/** CMP-4's numbers marked *(config)*: what one confirmed case costs, and how many close the account. */
export interface PenaltyPolicy {
  /** Penalty points of one confirmed fake-shipment case. */
  pointsPerCase: number;
  /** Counted (not reversed) cases at which the seller account closes. */
  casesToClose: number;
}

export function loadPenaltyPolicy(env: Env): PenaltyPolicy {
  return {
    pointsPerCase: int(env, 'PENALTY_POINTS_PER_FAKE_SHIPMENT', 6, 1, 1000),
    casesToClose: int(env, 'PENALTY_CASES_TO_CLOSE', 2, 1, 1000),
  };
}

export const penaltiesConfig: Provider[] = [
  { provide: PENALTY_POLICY, inject: [APP_ENV], useFactory: loadPenaltyPolicy },
];
