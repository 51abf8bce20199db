import { Provider } from '@nestjs/common';
import type { RiskSeverity } from '@tradehub/kernel';
import { APP_ENV, type Env, oneOf } from '@tradehub/platform';
import { RISK_SEVERITIES, RISK_TYPES, type RiskType } from './domain/risk-types';

/** CMP-5: the severities operations chose per risk type, read once from the environment. */
export const BOARD_SEVERITIES = Symbol('BoardSeverities');

/** Only the types configured; a type absent here keeps the severity its context sent. */
export type BoardSeverities = Readonly<Partial<Record<string, RiskSeverity>>>;

export const severitySetting = (code: string): string => `RISK_SEVERITY_${code}`;

/** The settings, their defaults and meaning, one per type (for the README's table and the tests). */
export const BOARD_SETTINGS: readonly { name: string; default: string; meaning: string }[] = RISK_TYPES.map(
  (t) => ({
    name: severitySetting(t.code),
    default: '',
    meaning:
      `CMP-5 severity of risk type ${t.number} ${t.code} on the board (${RISK_SEVERITIES.join(', ')}); ` +
      `unset: the severity the raising context sent, else ${t.defaultSeverity}`,
  }),
);

/** CMP-5: `RISK_SEVERITY_<CODE>` per type; a value outside the four severities stops the start by its name. */
export function loadBoardSeverities(env: Env): BoardSeverities {
  const chosen: Record<string, RiskSeverity> = {};
  for (const t of RISK_TYPES) {
    const name = severitySetting(t.code);
    if (env[name] === undefined || env[name] === '') continue;
    chosen[t.code] = oneOf(env, name, RISK_SEVERITIES, t.defaultSeverity);
  }
  return Object.freeze(chosen);
}

/**
 * CMP-5: the severity a flag is shown with: what operations configured for its type, else what the
 * raising context sent, else the table's default (Compliance's own 15-17 usually send none).
 */
export function boardSeverity(
  severities: BoardSeverities,
  type: RiskType,
  sent: RiskSeverity | undefined,
): RiskSeverity {
  return severities[type.code] ?? sent ?? type.defaultSeverity;
}

export const boardConfig: Provider[] = [
  { provide: BOARD_SEVERITIES, inject: [APP_ENV], useFactory: loadBoardSeverities },
];
