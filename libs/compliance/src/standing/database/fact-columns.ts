/**
 * ANA-1: how each order or review fact counts in `compliance.store_days`: the column, the instant
 * whose UTC day it counts on, and the amount. The rebuild reads this table; the incremental path
 * (`RollupRepository`) applies the same amounts as the events arrive, and a test proves they agree.
 */
export interface FactColumn {
  column: string;
  table: 'order_facts' | 'review_facts';
  at: string;
  amount: () => string;
}

const one = () => '1';

export const FACT_COLUMNS: readonly FactColumn[] = [
  { column: 'orders', table: 'order_facts', at: 'paid_at', amount: one },
  { column: 'seller_cancelled', table: 'order_facts', at: 'seller_cancelled_at', amount: one },
  { column: 'disputed', table: 'order_facts', at: 'disputed_at', amount: one },
  { column: 'refunded', table: 'order_facts', at: 'refunded_at', amount: one },
  { column: 'shipped', table: 'order_facts', at: 'first_shipped_at', amount: one },
  {
    column: 'ship_seconds',
    table: 'order_facts',
    at: 'first_shipped_at',
    amount: () => `floor(extract(epoch from first_shipped_at - paid_at))::bigint`,
  },
  { column: 'slow', table: 'order_facts', at: 'slow_at', amount: one },
  {
    column: 'on_time',
    table: 'order_facts',
    at: 'first_shipped_at',
    amount: () => `(first_shipped_at <= ship_by)::int`,
  },
  { column: 'late', table: 'order_facts', at: 'late_at', amount: one },
  { column: 'abnormal', table: 'order_facts', at: 'abnormal_at', amount: one },
  { column: 'released', table: 'order_facts', at: 'released_at', amount: one },
  {
    column: 'payout_cycle_seconds',
    table: 'order_facts',
    at: 'released_at',
    amount: () => 'payout_cycle_seconds',
  },
  { column: 'reviews', table: 'review_facts', at: 'reviewed_at', amount: one },
  { column: 'positive', table: 'review_facts', at: 'reviewed_at', amount: () => '(overall >= 4)::int' },
  {
    column: 'item_as_described_sum',
    table: 'review_facts',
    at: 'reviewed_at',
    amount: () => 'item_as_described',
  },
  { column: 'communication_sum', table: 'review_facts', at: 'reviewed_at', amount: () => 'communication' },
  { column: 'shipping_speed_sum', table: 'review_facts', at: 'reviewed_at', amount: () => 'shipping_speed' },
];

export const STORE_DAY_COLUMNS = FACT_COLUMNS.map((f) => f.column);
