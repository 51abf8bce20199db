import { api } from '../api/client';
import { syncServerClock } from '../time/server-clock';
import type { Unit } from './messages';

export interface AdvanceResult {
  from: string;
  now: string;
  firedTimers: number;
}

const SECONDS: Record<Unit, number> = { minutes: 60, hours: 3600, days: 86_400 };

/** What POST /v1/sandbox/clock/advance takes: a number of seconds, or an instant to move to. */
export type AdvanceBy = { amount: number; unit: Unit } | { to: string };

/** Advances the sandbox clock, then measures it again so every countdown moves with it. */
export async function advanceClock(by: AdvanceBy): Promise<AdvanceResult> {
  const body = 'to' in by ? { to: by.to } : { seconds: by.amount * SECONDS[by.unit] };
  const result = await api<AdvanceResult>('/v1/sandbox/clock/advance', { method: 'POST', body });
  await syncServerClock();
  return result;
}

/** A `datetime-local` value read as UTC (the field is labelled UTC), as ISO; undefined if it is no instant. */
export function utcInstantOf(value: string): string | undefined {
  const ms = Date.parse(`${value}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
