import { csvBlob } from '../spreadsheets/csv';
import { downloadBlob, fileDate } from '../common/download';
import type { SheetFormat } from '../spreadsheets/export-orders';
import { xlsxBlob } from '../spreadsheets/xlsx-file';
import { nowMs } from '../time/now';
import { ledgerSheetHeader, ledgerSheetRow } from './ledger-rows';
import { loadLedgerPage, type LedgerFilter } from './loaders';
import type { MoneyMessages } from './messages';
import type { LedgerEntry } from './types';

/** The API's largest page: an export reads the whole ledger under its filter. */
const EXPORT_PAGE_SIZE = 200;

async function fetchAllEntries(filter: LedgerFilter): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  let cursor: string | null = null;
  do {
    const page = await loadLedgerPage(filter, EXPORT_PAGE_SIZE, cursor);
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

/**
 * Downloads every ledger entry under the section's filter (store, order) as
 * `ledger-<store|all-stores>-<YYYYMMDD>.xlsx|csv`, newest first as the table lists them; answers
 * how many entries the file holds.
 */
export async function exportLedger(
  format: SheetFormat,
  filter: LedgerFilter,
  m: MoneyMessages,
): Promise<number> {
  const entries = await fetchAllEntries(filter);
  const header = ledgerSheetHeader(m);
  const rows = entries.map(ledgerSheetRow);
  const blob = format === 'csv' ? csvBlob([header, ...rows]) : await xlsxBlob(m.sheetName, header, rows);
  const scope = (filter.storeId || 'all-stores').replace(/[^A-Za-z0-9_.-]/g, '_');
  downloadBlob(blob, `ledger-${scope}-${fileDate(nowMs())}.${format}`);
  return entries.length;
}
