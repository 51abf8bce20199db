import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, newId } from '@tradehub/kernel';
import { Sql } from '../database/sql';
import { requestContext } from '../http/request-context';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  storeId?: string;
  changes?: Record<string, unknown>;
}

/** CMP-6: every state-changing operation leaves an append-only record, written in the change's own transaction. */
@Injectable()
export class AuditLog {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async record(tx: Sql, entry: AuditEntry): Promise<void> {
    const { requestId, principal } = requestContext.current();
    await tx.query(
      `insert into platform.audit_log (id, at, actor, actor_kind, request_id, action, subject_type, subject_id, store_id, changes)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        newId(),
        this.clock.now(),
        principal.id,
        principal.kind,
        requestId,
        entry.action,
        entry.subjectType,
        entry.subjectId,
        entry.storeId ?? null,
        JSON.stringify(entry.changes ?? {}, bigintJson),
      ],
    );
  }
}

export function bigintJson(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
