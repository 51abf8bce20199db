import { Injectable } from '@nestjs/common';
import { decodeSequenceCursor, encodeCursor, type Page } from '@tradehub/kernel';
import type { Sql, StoreScope } from '@tradehub/platform';
import type { EntryResponse } from '../views/settlement.responses';

export interface EntryFilter {
  storeId?: string;
  orderId?: string;
  currency?: string;
  accountKind?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

interface EntryRow {
  id: string;
  seq: string;
  idempotency_key: string;
  kind: string;
  store_id: string | null;
  order_id: string | null;
  currency: string;
  occurred_at: Date | string;
  reverses_entry_id: string | null;
  metadata: Record<string, unknown>;
  postings: { account: string; amount: string; balanceAfter: string }[];
}

const SELECT_ENTRIES = `select e.id, e.seq::text as seq, e.idempotency_key, e.kind, e.store_id, e.order_id, e.currency,
    e.occurred_at, e.reverses_entry_id, e.metadata,
    (select json_agg(json_build_object('account', coalesce(a.store_id, 'platform') || ':' || a.kind,
        'amount', p.amount::text, 'balanceAfter', p.balance_after::text) order by p.id)
       from settlement.postings p join settlement.accounts a on a.id = p.account_id
      where p.entry_id = e.id) as postings
  from settlement.journal_entries e`;

function entryView(r: EntryRow): EntryResponse {
  return {
    id: r.id,
    seq: r.seq,
    idempotencyKey: r.idempotency_key,
    kind: r.kind,
    storeId: r.store_id,
    orderId: r.order_id,
    currency: r.currency,
    occurredAt: new Date(r.occurred_at).toISOString(),
    reversesEntryId: r.reverses_entry_id,
    metadata: r.metadata,
    postings: r.postings,
  };
}

/** Ledger pages read by sequence (newest first), with each entry's postings. */
@Injectable()
export class LedgerReadRepository {
  async entries(sql: Sql, scope: StoreScope, f: EntryFilter): Promise<Page<EntryResponse>> {
    const where = ['e.store_id is not null'];
    const params: unknown[] = [];
    scope.restrict(where, params, 'e.store_id');
    const equal = (column: string, value: unknown) => {
      where.push(`${column} = ?`);
      params.push(value);
    };
    if (f.storeId) equal('e.store_id', f.storeId);
    if (f.orderId) equal('e.order_id', f.orderId);
    if (f.currency) equal('e.currency', f.currency);
    if (f.from) {
      where.push('e.occurred_at >= ?');
      params.push(new Date(f.from));
    }
    if (f.to) {
      where.push('e.occurred_at < ?');
      params.push(new Date(f.to));
    }
    if (f.accountKind) {
      where.push(`exists (select 1 from settlement.postings p join settlement.accounts a on a.id = p.account_id
        where p.entry_id = e.id and a.kind = ? and a.store_id is not null)`);
      params.push(f.accountKind);
    }
    if (f.cursor) {
      where.push('e.seq < ?');
      params.push(decodeSequenceCursor(f.cursor));
    }
    const limit = f.limit ?? 50;
    const rows = await sql.query<EntryRow>(
      `${SELECT_ENTRIES} where ${where.join(' and ')} order by e.seq desc limit ${limit + 1}`,
      params,
    );
    const items = rows.slice(0, limit).map(entryView);
    return { items, nextCursor: rows.length > limit ? encodeCursor([items[items.length - 1]!.seq]) : null };
  }

  async ofOrder(sql: Sql, orderId: string): Promise<EntryResponse[]> {
    const rows = await sql.query<EntryRow>(`${SELECT_ENTRIES} where e.order_id = ? order by e.seq`, [
      orderId,
    ]);
    return rows.map(entryView);
  }

  /** SET-7: the mean payout cycle of the visible stores' released orders. */
  async payoutCycle(
    sql: Sql,
    scope: StoreScope,
    storeId?: string,
  ): Promise<{ averageSeconds: number | null; count: number }> {
    const where = ['released_at is not null'];
    const params: unknown[] = [];
    scope.restrict(where, params);
    if (storeId) {
      where.push('store_id = ?');
      params.push(storeId);
    }
    const [row] = await sql.query<{ avg: string | null; n: string }>(
      `select avg(payout_cycle_seconds)::text as avg, count(*)::text as n from settlement.settlement_orders
       where ${where.join(' and ')}`,
      params,
    );
    return { averageSeconds: row?.avg ? Number(row.avg) : null, count: Number(row?.n ?? 0) };
  }

  /**
   * SET-3: the visible stores' frozen proceeds by the UTC day they unfreeze, and what held reviews
   * keep frozen, summed exactly in the database (a seller may have many thousands frozen).
   */
  async releaseSchedule(sql: Sql, scope: StoreScope, storeId?: string): Promise<ReleaseScheduleRows> {
    const where = ['frozen_minor > 0'];
    const params: unknown[] = [];
    scope.restrict(where, params);
    if (storeId) {
      where.push('store_id = ?');
      params.push(storeId);
    }
    const rows = await sql.query<ReleaseRow>(
      `select case when fund_status = 'HELD' then null
                   else to_char(release_at at time zone 'UTC', 'YYYY-MM-DD') end as day,
              min(release_at) filter (where fund_status <> 'HELD') as release_at,
              currency, sum(frozen_minor)::text as amount, count(*)::int as orders
         from settlement.settlement_orders
        where fund_status in ('FROZEN', 'IN_REVIEW', 'HELD') and ${where.join(' and ')}
          and (fund_status = 'HELD' or release_at is not null)
        group by 1, currency
        order by 1 nulls last, currency`,
      params,
    );
    return {
      days: rows.filter((r): r is ReleaseRow & { day: string } => r.day !== null),
      held: rows.filter((r) => r.day === null),
    };
  }
}

interface ReleaseRow {
  day: string | null;
  release_at: Date | string | null;
  currency: string;
  amount: string;
  orders: number;
}

export interface ReleaseScheduleRows {
  days: (ReleaseRow & { day: string })[];
  held: ReleaseRow[];
}
