import type { EventHandler, IncomingEvent, Tx, UnitOfWork } from '@tradehub/platform';
import type { RiskBoard } from '../risk-board';
import { clearFromEvent, raiseFromEvent } from './flag-messages';

/**
 * CMP-5: Orders, Disputes and Reviews raise and clear their own flags; the board follows both
 * (`tradehub.<context>.risk-flag-raised` / `-cleared`, the kernel's shape, key = order id).
 */
export function flagFeedReaction(
  context: string,
  topic: string,
  types: { raised: string; cleared: string },
  database: UnitOfWork,
  board: RiskBoard,
): EventHandler {
  return {
    consumer: `compliance.board-${context}`,
    topic,
    database,
    types: [types.raised, types.cleared],
    async handle(event: IncomingEvent, tx: Tx): Promise<void> {
      if (event.type === types.raised) await raiseFromEvent(board, tx, event, context);
      else await clearFromEvent(board, tx, event);
    },
  };
}
