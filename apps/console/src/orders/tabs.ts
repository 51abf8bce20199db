import type { Query } from '../api/client';
import type { OrderCounts } from '../api/types';
import type { Messages } from '../i18n/messages';

export type TabKey = 'awaiting' | 'overdue' | 'shipped' | 'abnormal' | 'underReview' | 'dispute' | 'finished';

export interface OrderTab {
  key: TabKey;
  label: (t: Messages) => string;
  /** What GET /v1/orders is asked for this tab (besides the filters). */
  query: Query;
  count: (counts: OrderCounts) => number;
}

/** ORD-7: the order still waits for (some of) its packages to ship. */
export const AWAITING_STATUSES = ['WAIT_SELLER_SEND_GOODS', 'SELLER_PART_SEND_GOODS'];

export const isAwaiting = (status: string): boolean => AWAITING_STATUSES.includes(status);

const inStatuses =
  (...statuses: string[]) =>
  (counts: OrderCounts): number =>
    statuses.reduce((total, status) => total + (counts.byStatus[status] ?? 0), 0);

/** The console's work queues, each with the count GET /v1/orders/counts gives for it. */
export const ORDER_TABS: readonly OrderTab[] = [
  {
    key: 'awaiting',
    label: (t) => t.tabAwaiting,
    query: { status: AWAITING_STATUSES.join(','), sort: 'shipBy' },
    count: inStatuses(...AWAITING_STATUSES),
  },
  {
    key: 'overdue',
    label: (t) => t.tabOverdue,
    query: { overdue: 'true', sort: 'shipBy' },
    count: (c) => c.overdue,
  },
  {
    key: 'shipped',
    label: (t) => t.tabShipped,
    // ORD-7 has no SELLER_SEND_GOODS: a fully shipped order waits for the buyer to accept it.
    query: { status: 'WAIT_BUYER_ACCEPT_GOODS' },
    count: inStatuses('WAIT_BUYER_ACCEPT_GOODS'),
  },
  {
    key: 'abnormal',
    label: (t) => t.tabAbnormal,
    query: { abnormal: 'true' },
    count: (c) => c.abnormalLogistics,
  },
  {
    key: 'underReview',
    label: (t) => t.tabUnderReview,
    query: { underReview: 'true' },
    count: (c) => c.underReview,
  },
  {
    key: 'dispute',
    label: (t) => t.tabDispute,
    // IN_ISSUE is the order status while its issue is OPEN or ESCALATED (ORD-7, DSP-4); the counts
    // give it per status, while one `issueStatus` value would list only half of those orders.
    query: { status: 'IN_ISSUE' },
    count: inStatuses('IN_ISSUE'),
  },
  { key: 'finished', label: (t) => t.tabFinished, query: { status: 'FINISH' }, count: inStatuses('FINISH') },
];
