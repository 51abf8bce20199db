import type { RowProblem } from './import-problems';
import type { ItemOutcome } from './shipment-batch';

/** Where one row of an import stands: being checked, ready to ship, shipped, or failed and why. */
export type RowResult =
  | { state: 'checking' }
  | { state: 'ready' }
  | { state: 'shipped' }
  | { state: 'failed'; problem: RowProblem };

/** The results with the outcome of each row sent: `ok` as the given state, a refusal as failed. */
export function withOutcomes(
  results: RowResult[],
  sent: number[],
  outcomes: ItemOutcome[],
  ok: 'ready' | 'shipped',
): RowResult[] {
  const next = [...results];
  sent.forEach((rowIndex, i) => {
    const outcome = outcomes[i];
    next[rowIndex] = outcome.ok ? { state: ok } : { state: 'failed', problem: outcome.problem };
  });
  return next;
}

export function count(results: RowResult[], state: RowResult['state']): number {
  return results.reduce((n, result) => n + (result.state === state ? 1 : 0), 0);
}
