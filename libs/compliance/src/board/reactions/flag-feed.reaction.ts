import type { EventHandler, IncomingEvent, Tx, UnitOfWork } from '@tradehub/platform';
import type { RiskBoard } from '../risk-board';
import { clearFromEvent, raiseFromEvent } from './flag-messages';

/** Another event of the topic that ends flags on the board. */
export type FlagEnd = (board: RiskBoard, tx: Tx, event: IncomingEvent) => Promise<unknown>;

/**
 * CMP-5: Orders, Disputes and Reviews raise and clear their own flags; the board follows both
 * (`tradehub.<context>.risk-flag-raised` / `-cleared`, the kernel's shape, key = order id), and
 * `ends` of the topic's other events (an order cancelled ends Fulfillment's refused-number flag).
 */
export function flagFeedReaction(
  context: string,
  topic: string,
  types: { raised: string; cleared: string },
  database: UnitOfWork,
  board: RiskBoard,
  ends: Readonly<Record<string, FlagEnd>> = {},
): EventHandler {
  return {
    consumer: `compliance.board-${context}`,
    topic,
    database,
    types: [types.raised, types.cleared, ...Object.keys(ends)],
    async handle(event: IncomingEvent, tx: Tx): Promise<void> {
      if (event.type === types.raised) await raiseFromEvent(board, tx, event, context);
      else if (event.type === types.cleared) await clearFromEvent(board, tx, event);
      else await ends[event.type]?.(board, tx, event);
    },
  };
}
