import { Injectable } from '@nestjs/common';
import { ConflictError } from '@tradehub/kernel';
import { Outbox, Sql } from '@tradehub/platform';
import { ProofFile, ReviewTask, ReviewTaskKind, ReviewTaskState, ReviewTaskStatus } from '../domain';

export interface ReviewTaskRow {
  id: string;
  kind: ReviewTaskKind;
  status: ReviewTaskStatus;
  order_id: string;
  package_id: string;
  store_id: string;
  carrier_code: string;
  tracking_number: string;
  opened_at: Date;
  opened_by: string | null;
  proof: ProofFile | null;
  sla_due_at: Date | null;
  overdue_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
  version: number;
}

export const REVIEW_TASK_COLUMNS = `id, kind, status, order_id, package_id, store_id, carrier_code, tracking_number, opened_at, opened_by,
  proof, sla_due_at, overdue_at, decided_by, decided_at, reason, version`;

/** The only SQL on `fulfillment.review_tasks`, the operations queue of FUL-4 and FUL-5. */
@Injectable()
export class ReviewTaskRepository {
  constructor(private readonly outbox: Outbox) {}

  async findById(sql: Sql, id: string, forUpdate = false): Promise<ReviewTask | null> {
    const rows = await sql.query<ReviewTaskRow>(
      `select ${REVIEW_TASK_COLUMNS} from fulfillment.review_tasks where id = ?${forUpdate ? ' for update' : ''}`,
      [id],
    );
    return rows[0] ? ReviewTask.restore(toReviewTaskState(rows[0])) : null;
  }

  async findOpen(sql: Sql, packageId: string, kind: ReviewTaskKind): Promise<ReviewTask | null> {
    const rows = await sql.query<ReviewTaskRow>(
      `select ${REVIEW_TASK_COLUMNS} from fulfillment.review_tasks where package_id = ? and kind = ? and status = 'OPEN' limit 1`,
      [packageId, kind],
    );
    return rows[0] ? ReviewTask.restore(toReviewTaskState(rows[0])) : null;
  }

  async hasOpen(sql: Sql, packageId: string, kind: ReviewTaskKind): Promise<boolean> {
    const rows = await sql.query(
      `select 1 from fulfillment.review_tasks where package_id = ? and kind = ? and status = 'OPEN' limit 1`,
      [packageId, kind],
    );
    return rows.length > 0;
  }

  async insert(sql: Sql, task: ReviewTask): Promise<void> {
    const s = task.snapshot;
    await sql.query(
      `insert into fulfillment.review_tasks (${REVIEW_TASK_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)`,
      [
        s.id,
        s.kind,
        s.status,
        s.orderId,
        s.packageId,
        s.storeId,
        s.carrierCode,
        s.trackingNumber,
        s.openedAt,
        s.openedBy,
        JSON.stringify(s.proof),
        s.slaDueAt,
        s.overdueAt,
        s.decidedBy,
        s.decidedAt,
        s.reason,
        s.version,
      ],
    );
    await this.outbox.append(sql, task.pullEvents());
  }

  async update(sql: Sql, task: ReviewTask): Promise<void> {
    const s = task.snapshot;
    const updated = await sql.query(
      `update fulfillment.review_tasks set status = ?, overdue_at = ?, decided_by = ?, decided_at = ?, reason = ?, version = version + 1
       where id = ? and version = ? returning id`,
      [s.status, s.overdueAt, s.decidedBy, s.decidedAt, s.reason, s.id, s.version],
    );
    if (updated.length === 0)
      throw new ConflictError('REVIEW_TASK_CHANGED_CONCURRENTLY', 'the task changed meanwhile; retry');
    task.markSaved();
    await this.outbox.append(sql, task.pullEvents());
  }
}

export function toReviewTaskState(r: ReviewTaskRow): ReviewTaskState {
  const date = (d: Date | null): Date | null => (d ? new Date(d) : null);
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    orderId: r.order_id,
    packageId: r.package_id,
    storeId: r.store_id,
    carrierCode: r.carrier_code,
    trackingNumber: r.tracking_number,
    openedAt: new Date(r.opened_at),
    openedBy: r.opened_by,
    proof: r.proof,
    slaDueAt: date(r.sla_due_at),
    overdueAt: date(r.overdue_at),
    decidedBy: r.decided_by,
    decidedAt: date(r.decided_at),
    reason: r.reason,
    version: r.version,
  };
}
