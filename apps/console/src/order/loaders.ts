import { api } from '../api/client';
import type { Page } from '../api/types';
import type { AuditEntry, OrderDetail, PackageDetail, RefundRequest, SettlementOrder } from './types';

/** How many audit records of each subject (the order, each package) the page asks for. */
export const AUDIT_LIMIT = 100;

const id = encodeURIComponent;

export const loadOrder = (orderId: string, signal: AbortSignal): Promise<OrderDetail> =>
  api<OrderDetail>(`/v1/orders/${id(orderId)}`, { signal });

/** The order's packages, each read on its own for its tracking history (the list leaves it out). */
export async function loadPackages(orderId: string, signal: AbortSignal): Promise<PackageDetail[]> {
  const packages = await api<PackageDetail[]>(`/v1/orders/${id(orderId)}/packages`, { signal });
  return Promise.all(packages.map((p) => api<PackageDetail>(`/v1/packages/${id(p.id)}`, { signal })));
}

/** Every refund or return request of the order (an order has few: one page of the most the API gives). */
export async function loadRefundRequests(orderId: string, signal: AbortSignal): Promise<RefundRequest[]> {
  const page = await api<Page<RefundRequest>>('/v1/disputes/requests', {
    query: { orderId, limit: 100 },
    signal,
  });
  return page.items;
}

export const loadSettlement = (orderId: string, signal: AbortSignal): Promise<SettlementOrder> =>
  api<SettlementOrder>(`/v1/settlement/orders/${id(orderId)}`, { signal });

export interface AuditTrail {
  entries: AuditEntry[];
  /** Some subject had more records than were asked for. */
  truncated: boolean;
}

/**
 * CMP-6 records of the order (every context records its own order-keyed subjects under the order's
 * id) and of its packages, merged newest first. Operators and services only: sellers get 403.
 */
export async function loadAuditTrail(subjectIds: string[], signal: AbortSignal): Promise<AuditTrail> {
  const pages = await Promise.all(
    subjectIds.map((subjectId) =>
      api<Page<AuditEntry>>('/v1/audit-log', { query: { subjectId, limit: AUDIT_LIMIT }, signal }),
    ),
  );
  const entries = pages
    .flatMap((page) => page.items)
    .sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? 1 : -1));
  return { entries, truncated: pages.some((page) => page.nextCursor !== null) };
}
