import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { ShipmentBatchAnswer, ShipmentBatchItem } from '../api/types';
import type { RowProblem } from './import-problems';

/** The most items POST /v1/shipments/batch takes at once. */
export const BATCH_SIZE = 100;

/** What became of one item: would ship (dry run), shipped, or refused and why. */
export type ItemOutcome = { ok: true } | { ok: false; problem: RowProblem };

/**
 * Sends the items in requests of BATCH_SIZE, one after the other, and gives each item's outcome
 * in the items' order. A dry run changes nothing; a real one applies each item on its own (each
 * request carries its Idempotency-Key: api() sends one with every mutation). A request refused
 * as a whole fails its items with its problem, naming an item's own field where it does.
 */
export async function sendShipmentBatches(
  items: ShipmentBatchItem[],
  dryRun: boolean,
  signal?: AbortSignal,
): Promise<ItemOutcome[]> {
  const outcomes: ItemOutcome[] = [];
  for (let start = 0; start < items.length; start += BATCH_SIZE) {
    const chunk = items.slice(start, start + BATCH_SIZE);
    try {
      const answer = await api<ShipmentBatchAnswer>('/v1/shipments/batch', {
        method: 'POST',
        body: dryRun ? { dryRun: true, items: chunk } : { items: chunk },
        signal,
      });
      outcomes.push(...outcomesOf(answer, chunk.length, dryRun));
    } catch (error) {
      if (signal?.aborted) throw error;
      outcomes.push(...chunk.map((_, index) => refusedItem(error, index)));
    }
  }
  return outcomes;
}

function outcomesOf(answer: ShipmentBatchAnswer, count: number, dryRun: boolean): ItemOutcome[] {
  const success = dryRun ? 'WOULD_SHIP' : 'SHIPPED';
  const outcomes: ItemOutcome[] = Array.from({ length: count }, () => ({
    ok: false,
    problem: { code: 'noAnswer' },
  }));
  // An answer that is not the dry run asked for (a server without one) counts nothing as ready.
  if (dryRun && answer.dryRun !== true) return outcomes;
  for (const result of answer.results ?? []) {
    if (!Number.isInteger(result.index) || result.index < 0 || result.index >= count) continue;
    if (result.outcome === success) outcomes[result.index] = { ok: true };
    else if (result.outcome === 'FAILED') {
      const detail = result.problem?.detail || result.problem?.code;
      outcomes[result.index] = {
        ok: false,
        problem: detail ? { code: 'server', detail } : { code: 'unexpected' },
      };
    }
  }
  return outcomes;
}

/** A whole request refused: its problem for every item, or the message for the item's own field. */
function refusedItem(error: unknown, index: number): ItemOutcome {
  if (!(error instanceof ApiError)) return { ok: false, problem: { code: 'unexpected' } };
  const prefix = `items[${index}].`;
  const own = error.errors.find((e) => e.field.startsWith(prefix));
  const detail = own ? `${own.field.slice(prefix.length)}: ${own.message}` : error.detail;
  return { ok: false, problem: { code: 'server', detail } };
}
