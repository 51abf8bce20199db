import { Injectable } from '@nestjs/common';
import {
  decodeTimeCursor,
  encodeCursor,
  type Page,
  type RiskSeverity,
  ValidationError,
} from '@tradehub/kernel';
import type { Sql, StoreScope, Tx } from '@tradehub/platform';

/** CMP-5: one flag on the board, open while `clearedAt` is null. */
export interface BoardFlagRow {
  id: string;
  riskType: number;
  code: string;
  severity: RiskSeverity;
  storeId: string;
  orderId: string | null;
  packageId: string | null;
  reason: string;
  source: string;
  raisedAt: Date;
  clearedAt: Date | null;
  clearReason: string | null;
}

/** What identifies a flag while it is open. */
export interface BoardFlagKey {
  code: string;
  storeId: string;
  orderId: string | null;
  packageId: string | null;
}

export type BoardStatus = 'open' | 'cleared' | 'all';

export interface BoardListFilter {
  status: BoardStatus;
  riskType?: number;
  severity?: RiskSeverity;
  storeId?: string;
  /** Raised at or after. */
  raisedFrom?: Date;
  /** Raised before. */
  raisedTo?: Date;
  cursor?: string;
  limit: number;
}

interface Row {
  id: string;
  risk_type: number;
  code: string;
  severity: RiskSeverity;
  store_id: string;
  order_id: string | null;
  package_id: string | null;
  reason: string;
  source: string;
  raised_at: Date | string;
  cleared_at: Date | string | null;
  clear_reason: string | null;
}

const toRow = (r: Row): BoardFlagRow => ({
  id: r.id,
  riskType: Number(r.risk_type),
  code: r.code,
  severity: r.severity,
  storeId: r.store_id,
  orderId: r.order_id,
  packageId: r.package_id,
  reason: r.reason,
  source: r.source,
  raisedAt: new Date(r.raised_at),
  clearedAt: r.cleared_at === null ? null : new Date(r.cleared_at),
  clearReason: r.clear_reason,
});

/** The open flag's key as a `where` clause: an absent order or package matches only an absent one. */
function openKey(key: BoardFlagKey): { where: string; params: unknown[] } {
  const where = ['cleared_at is null', 'code = ?', 'store_id = ?'];
  const params: unknown[] = [key.code, key.storeId];
  for (const [column, value] of [
    ['order_id', key.orderId],
    ['package_id', key.packageId],
  ] as const) {
    if (value === null) where.push(`${column} is null`);
    else {
      where.push(`${column} = ?::uuid`);
      params.push(value);
    }
  }
  return { where: where.join(' and '), params };
}

/** CMP-5: the board's flags; the only SQL on `compliance.board_flags`. */
@Injectable()
export class BoardFlagRepository {
  /** Opens the flag; false when one of the same key is open already (left as it is). */
  async insertOpen(tx: Tx, f: BoardFlagRow): Promise<boolean> {
    const rows = await tx.query(
      `insert into compliance.board_flags
         (id, risk_type, code, severity, store_id, order_id, package_id, reason, source, raised_at)
       values (?, ?, ?, ?, ?, ?::uuid, ?::uuid, ?, ?, ?)
       on conflict (code, store_id, order_id, package_id) where cleared_at is null do nothing
       returning id`,
      [
        f.id,
        f.riskType,
        f.code,
        f.severity,
        f.storeId,
        f.orderId,
        f.packageId,
        f.reason,
        f.source,
        f.raisedAt,
      ],
    );
    return rows.length > 0;
  }

  /** The open flag of this key, locked for the rest of the transaction. */
  async findOpen(tx: Tx, key: BoardFlagKey): Promise<BoardFlagRow | null> {
    const { where, params } = openKey(key);
    const [row] = await tx.query<Row>(
      `select * from compliance.board_flags where ${where} for update`,
      params,
    );
    return row ? toRow(row) : null;
  }

  async escalate(tx: Tx, id: string, severity: RiskSeverity, reason: string): Promise<void> {
    await tx.query(`update compliance.board_flags set severity = ?, reason = ? where id = ?`, [
      severity,
      reason,
      id,
    ]);
  }

  /** Clears the open flag of this key; null when none is open. */
  async clearOpen(tx: Tx, key: BoardFlagKey, reason: string, at: Date): Promise<BoardFlagRow | null> {
    const { where, params } = openKey(key);
    const [row] = await tx.query<Row>(
      `update compliance.board_flags set cleared_at = ?, clear_reason = ? where ${where} returning *`,
      [at, reason, ...params],
    );
    return row ? toRow(row) : null;
  }

  async get(sql: Sql, id: string): Promise<BoardFlagRow | null> {
    const [row] = await sql.query<Row>(`select * from compliance.board_flags where id = ?`, [id]);
    return row ? toRow(row) : null;
  }

  /** The flags the scope may see, newest raised first (then id), one page after the cursor. */
  async list(sql: Sql, scope: StoreScope, f: BoardListFilter): Promise<Page<BoardFlagRow>> {
    const where: string[] = [];
    const params: unknown[] = [];
    scope.restrict(where, params, 'store_id');
    if (f.status === 'open') where.push('cleared_at is null');
    if (f.status === 'cleared') where.push('cleared_at is not null');
    const add = (clause: string, value: unknown) => {
      where.push(clause);
      params.push(value);
    };
    if (f.storeId) add('store_id = ?', f.storeId);
    if (f.riskType) add('risk_type = ?', f.riskType);
    if (f.severity) add('severity = ?', f.severity);
    if (f.raisedFrom) add('raised_at >= ?', f.raisedFrom);
    if (f.raisedTo) add('raised_at < ?', f.raisedTo);
    if (f.cursor) {
      const { prefix, at, id } = decodeTimeCursor(f.cursor);
      if (prefix.length > 0) throw new ValidationError('is not a cursor this list issued', 'cursor');
      where.push('(raised_at, id) < (?::timestamptz, ?::uuid)');
      params.push(at, id);
    }
    const rows = await sql.query<Row>(
      `select * from compliance.board_flags ${where.length ? `where ${where.join(' and ')}` : ''}
        order by raised_at desc, id desc limit ?`,
      [...params, f.limit + 1],
    );
    const items = rows.slice(0, f.limit).map(toRow);
    const last = items.at(-1);
    return {
      items,
      nextCursor: rows.length > f.limit && last ? encodeCursor([last.raisedAt.toISOString(), last.id]) : null,
    };
  }

  /** Open flags per risk type number, of the stores the scope may see (and `storeId`, if given). */
  async openCounts(sql: Sql, scope: StoreScope, storeId?: string): Promise<Map<number, number>> {
    const where = ['cleared_at is null'];
    const params: unknown[] = [];
    scope.restrict(where, params, 'store_id');
    if (storeId) {
      where.push('store_id = ?');
      params.push(storeId);
    }
    const rows = await sql.query<{ risk_type: number; open: number }>(
      `select risk_type, count(*)::int as open from compliance.board_flags
        where ${where.join(' and ')} group by risk_type`,
      params,
    );
    return new Map(rows.map((r) => [Number(r.risk_type), Number(r.open)]));
  }
}
