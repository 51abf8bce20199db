import { normaliseTrackingNumber } from '../orders/tracking-pattern';
import type { ShipmentBatchItem } from '../api/types';
import { ImportFileError, type RequiredColumn, type RowProblem } from './import-problems';
import { parseLinesCell } from './lines-cell';
import type { SheetRow } from './read-sheet';

/** Rows one import may hold; larger files are refused as a whole, not cut short. */
export const MAX_IMPORT_ROWS = 1000;

type Field = 'orderId' | 'carrier' | 'trackingNumber' | 'lines';

/**
 * Header texts each column is known by (compared trimmed, case-insensitive, spaces collapsed), in
 * both languages; other columns (those of the export, say) are ignored.
 */
const HEADERS: Record<Field, readonly string[]> = {
  orderId: ['order id', '订单号'],
  carrier: ['carrier', '物流商'],
  trackingNumber: ['tracking number', '运单号'],
  lines: ['lines', '商品行'],
};
const REQUIRED: readonly RequiredColumn[] = ['orderId', 'carrier', 'trackingNumber'];

// What the API's validation would refuse for the whole request of 100: checked here per row.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CARRIER_CODE = /^[A-Za-z0-9_]{2,32}$/;
const MAX_TRACKING_LENGTH = 64;

export interface ShipmentRow {
  /** As the spreadsheet program numbers it (the header is row 1). */
  rowNumber: number;
  /** Every cell of the row as read, for the failure report. */
  cells: string[];
  item: ShipmentBatchItem;
  /** Found before any request: the row is not sent. */
  problem: RowProblem | undefined;
}

export interface ShipmentSheet {
  header: string[];
  rows: ShipmentRow[];
}

/** The shipments a sheet lists: its first non-empty row is the header, the rest are shipments. */
export function readShipmentRows(sheet: SheetRow[]): ShipmentSheet {
  const [headerRow, ...dataRows] = sheet;
  const header = headerRow?.cells ?? [];
  const columns = columnsOf(header);
  const rows: ShipmentRow[] = [];
  for (const { number, cells } of dataRows) {
    const cell = (field: Field) => {
      const index = columns.get(field);
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const [orderId, carrierCode, trackingNumber, linesText] = [
      cell('orderId'),
      cell('carrier'),
      cell('trackingNumber'),
      cell('lines'),
    ];
    // Only the other columns filled in (a note, say): nothing to ship, not a failure.
    if (!orderId && !carrierCode && !trackingNumber && !linesText) continue;
    const lines = linesText ? parseLinesCell(linesText) : undefined;
    const item: ShipmentBatchItem = { orderId, carrierCode, trackingNumber, ...(lines ? { lines } : {}) };
    rows.push({ rowNumber: number, cells, item, problem: problemOf(item, lines === null) });
  }
  if (rows.length === 0) throw new ImportFileError({ code: 'noRows' });
  if (rows.length > MAX_IMPORT_ROWS)
    throw new ImportFileError({ code: 'tooManyRows', count: rows.length, max: MAX_IMPORT_ROWS });
  markDuplicateTracking(rows);
  return { header, rows };
}

function columnsOf(header: string[]): Map<Field, number> {
  const columns = new Map<Field, number>();
  header.forEach((text, index) => {
    const name = text.trim().replace(/\s+/g, ' ').toLowerCase();
    const field = (Object.keys(HEADERS) as Field[]).find((f) => HEADERS[f].includes(name));
    if (!field) return;
    if (columns.has(field)) throw new ImportFileError({ code: 'duplicateColumn', name: text.trim() });
    columns.set(field, index);
  });
  const missing = REQUIRED.filter((field) => !columns.has(field));
  if (missing.length) throw new ImportFileError({ code: 'noHeader', missing });
  return columns;
}

function problemOf(item: ShipmentBatchItem, badLines: boolean): RowProblem | undefined {
  if (!item.orderId) return { code: 'missing', field: 'orderId' };
  if (!item.carrierCode) return { code: 'missing', field: 'carrier' };
  if (!item.trackingNumber) return { code: 'missing', field: 'trackingNumber' };
  if (!UUID.test(item.orderId)) return { code: 'badOrderId' };
  if (!CARRIER_CODE.test(item.carrierCode)) return { code: 'badCarrier' };
  if (item.trackingNumber.length > MAX_TRACKING_LENGTH) return { code: 'trackingTooLong' };
  if (badLines) return { code: 'badLines' };
  return undefined;
}

/** One tracking number on two rows: neither is sent, since only the seller knows which is right. */
function markDuplicateTracking(rows: ShipmentRow[]): void {
  const rowsByNumber = new Map<string, number[]>();
  for (const row of rows) {
    const number = normaliseTrackingNumber(row.item.trackingNumber);
    if (number) rowsByNumber.set(number, [...(rowsByNumber.get(number) ?? []), row.rowNumber]);
  }
  for (const row of rows) {
    const others = (rowsByNumber.get(normaliseTrackingNumber(row.item.trackingNumber)) ?? []).filter(
      (n) => n !== row.rowNumber,
    );
    if (others.length && !row.problem) row.problem = { code: 'duplicateTracking', rows: others };
  }
}
