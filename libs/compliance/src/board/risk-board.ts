import { Inject, Injectable } from '@nestjs/common';
import { newId, type RiskSeverity, ValidationError } from '@tradehub/kernel';
import type { AuditEntry, Tx } from '@tradehub/platform';
import { BOARD_SEVERITIES, type BoardSeverities, boardSeverity } from './board.config';
import { type BoardFlagKey, BoardFlagRepository, type BoardFlagRow } from './database/board-flag.repository';
import { type BoardFlagInput, type BoardFlagKeyInput, flagInputProblem } from './domain/board-flag-input';
import { boardFlagCleared, boardFlagRaised } from './domain/board-events';
import { moreSevere, riskTypeOf } from './domain/risk-types';

const keyOf = (k: BoardFlagKeyInput): BoardFlagKey => ({
  code: k.code,
  storeId: k.storeId,
  orderId: k.orderId,
  packageId: k.packageId ?? null,
});

/** CMP-6: the audit record of a flag's change, each field as `{ from, to }`. */
function audit(
  action: string,
  flag: BoardFlagRow,
  changes: Record<string, readonly [unknown, unknown]>,
): AuditEntry {
  const fields = Object.fromEntries(Object.entries(changes).map(([k, [from, to]]) => [k, { from, to }]));
  return { action, subjectType: 'board-flag', subjectId: flag.id, storeId: flag.storeId, changes: fields };
}

/**
 * CMP-5: the risk board, for every Compliance feature and consumer, inside the caller's
 * transaction. Each change publishes its `board-flag-*` event on `tradehub.compliance.v1` (key =
 * store id) and leaves its audit record (CMP-6) in that same transaction.
 */
@Injectable()
export class RiskBoard {
  constructor(
    private readonly flags: BoardFlagRepository,
    @Inject(BOARD_SEVERITIES) private readonly severities: BoardSeverities,
  ) {}

  /**
   * Puts the flag on the board; false when the same flag (code, store, order, package) is open
   * already: it is not duplicated, though a higher severity than it shows raises it to that one
   * (published again under the same flag id). A code outside the 17 is a ValidationError.
   */
  async raise(tx: Tx, flag: BoardFlagInput, at: Date): Promise<boolean> {
    const problem = flagInputProblem(flag);
    if (problem) throw new ValidationError(problem.message, problem.field);
    const type = riskTypeOf(flag.code)!;
    const row: BoardFlagRow = {
      ...keyOf(flag),
      id: newId(),
      riskType: type.number,
      severity: boardSeverity(this.severities, type, flag.severity),
      reason: flag.reason,
      source: flag.source,
      raisedAt: at,
      clearedAt: null,
      clearReason: null,
    };
    if (await this.flags.insertOpen(tx, row)) {
      tx.publish(
        [boardFlagRaised(row, at)],
        audit('board-flag.raised', row, {
          riskType: [null, row.riskType],
          code: [null, row.code],
          severity: [null, row.severity],
          orderId: [null, row.orderId],
          packageId: [null, row.packageId],
          reason: [null, row.reason],
          source: [null, row.source],
          raisedAt: [null, at.toISOString()],
        }),
      );
      return true;
    }
    await this.escalate(tx, keyOf(flag), row.severity, flag.reason, at);
    return false;
  }

  /**
   * Clears the open flag of this key; false when none is open (already cleared, never raised, or a
   * code outside the 17, which can never be open). A malformed store, order or package id throws.
   */
  async clear(tx: Tx, key: BoardFlagKeyInput, reason: string, at: Date): Promise<boolean> {
    const problem = flagInputProblem(key);
    if (problem?.field === 'code') return false;
    if (problem) throw new ValidationError(problem.message, problem.field);
    const cleared = await this.flags.clearOpen(tx, keyOf(key), reason, at);
    if (!cleared) return false;
    tx.publish(
      [boardFlagCleared(cleared, reason, at)],
      audit('board-flag.cleared', cleared, {
        clearedAt: [null, at.toISOString()],
        clearReason: [null, reason],
      }),
    );
    return true;
  }

  /** An open flag is shown at the worst severity it was raised with (a rejected proof, then a confirmed fake). */
  private async escalate(
    tx: Tx,
    key: BoardFlagKey,
    severity: RiskSeverity,
    reason: string,
    at: Date,
  ): Promise<void> {
    const open = await this.flags.findOpen(tx, key);
    if (!open || !moreSevere(severity, open.severity)) return;
    await this.flags.escalate(tx, open.id, severity, reason);
    tx.publish(
      [boardFlagRaised({ ...open, severity, reason }, at)],
      audit('board-flag.escalated', open, {
        severity: [open.severity, severity],
        reason: [open.reason, reason],
      }),
    );
  }
}
