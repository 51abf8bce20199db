import { Logger } from '@nestjs/common';
import type { RiskFlagRaisedV1 } from '@tradehub/kernel';
import type { IncomingEvent, Tx } from '@tradehub/platform';
import { type BoardFlagInput, flagInputProblem } from '../domain/board-flag-input';
import { isRiskSeverity } from '../domain/risk-types';
import type { RiskBoard } from '../risk-board';

/** The shape Orders, Disputes and Reviews share for `risk-flag-cleared`. */
interface RiskFlagClearedShape {
  code: string;
  storeId: string;
  orderId: string | null;
  reason: string;
}

const logger = new Logger('RiskBoard');

/**
 * A flag the board cannot take (a code outside the 17, a malformed id) is logged and skipped, not
 * thrown: the platform would end the delivery there, and the other Compliance consumers of the same
 * message would never see it; nor retried or dead-lettered, since a redelivery is refused alike.
 */
function refused(event: IncomingEvent, problem: { field: string; message: string }): null {
  logger.warn(`CMP-5: ${event.type} ${event.id} kept off the board: ${problem.field} ${problem.message}`);
  return null;
}

/** CMP-5: a context's `risk-flag-raised` as a board flag, or null (logged) when the board cannot take it. */
export function raisedFlag(
  event: IncomingEvent,
  source: string,
  packageId: string | null = null,
): BoardFlagInput | null {
  const d = event.data as Partial<Record<keyof RiskFlagRaisedV1, unknown>>;
  let severity = d.severity;
  if (severity !== undefined && !isRiskSeverity(severity)) {
    // The risk is still real: it goes on the board at its type's severity.
    logger.warn(
      `CMP-5: ${event.type} ${event.id} sent severity '${String(severity)}'; the type's default applies`,
    );
    severity = undefined;
  }
  const flag = {
    code: d.code,
    storeId: d.storeId,
    orderId: d.orderId ?? null,
    packageId,
    severity,
    reason: d.reason,
  };
  const problem = flagInputProblem(flag);
  if (problem) return refused(event, problem);
  return { ...flag, reason: (flag.reason as string | undefined) ?? '', source } as BoardFlagInput;
}

/** CMP-5: puts a context's `risk-flag-raised` on the board at the event's time. */
export async function raiseFromEvent(
  board: RiskBoard,
  tx: Tx,
  event: IncomingEvent,
  source: string,
  packageId: string | null = null,
): Promise<void> {
  const flag = raisedFlag(event, source, packageId);
  if (flag) await board.raise(tx, flag, event.time);
}

/** CMP-5: a context's `risk-flag-cleared` clears the open flag of its code, store and order. */
export async function clearFromEvent(board: RiskBoard, tx: Tx, event: IncomingEvent): Promise<void> {
  const d = event.data as Partial<Record<keyof RiskFlagClearedShape, unknown>>;
  const key = { code: d.code, storeId: d.storeId, orderId: d.orderId ?? null };
  const problem = flagInputProblem(key);
  if (problem) return void refused(event, problem);
  const reason = typeof d.reason === 'string' ? d.reason : 'cleared by its context';
  await board.clear(tx, key as RiskFlagClearedShape, reason, event.time);
}
