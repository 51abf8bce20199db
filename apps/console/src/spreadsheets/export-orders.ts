import type { Query } from '../api/client';
import type { Messages } from '../i18n/messages';
import type { TabKey } from '../orders/tabs';
import { nowMs } from '../time/now';
import { csvBlob } from './csv';
import { downloadBlob, fileDate } from '../common/download';
import { fetchAllOrders } from './fetch-all-orders';
import { orderSheetHeader, orderSheetRow } from './order-columns';
import { xlsxBlob } from './xlsx-file';

export type SheetFormat = 'xlsx' | 'csv';

/**
 * Downloads every order of a tab under the list's own query (its filters included) as
 * `orders-<tab>-<YYYYMMDD>.xlsx|csv`; answers how many orders the file holds.
 */
export async function exportOrders(
  format: SheetFormat,
  tab: TabKey,
  query: Query,
  t: Messages,
): Promise<number> {
  const orders = await fetchAllOrders(query);
  const header = orderSheetHeader(t);
  const rows = orders.map(orderSheetRow);
  const blob = format === 'csv' ? csvBlob([header, ...rows]) : await xlsxBlob(t.orders, header, rows);
  downloadBlob(blob, `orders-${tab}-${fileDate(nowMs())}.${format}`);
  return orders.length;
}
