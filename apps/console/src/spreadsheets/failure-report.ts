import type { Messages } from '../i18n/messages';
import { csvBlob } from './csv';
import { rowProblemText } from './import-problems';
import type { ShipmentSheet } from './shipment-rows';
import type { RowResult } from './row-results';

/**
 * The failed rows as they were in the file (every column, extra ones too) plus `Row` and `Reason`:
 * fixed and imported again, the added columns are ignored.
 */
export function failureReport(sheet: ShipmentSheet, results: RowResult[], t: Messages): Blob {
  const width = sheet.rows.reduce((most, row) => Math.max(most, row.cells.length), sheet.header.length);
  const pad = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  const records = [[...pad(sheet.header), t.colRow, t.colReason]];
  sheet.rows.forEach((row, index) => {
    const result = results[index];
    if (result?.state === 'failed')
      records.push([...pad(row.cells), String(row.rowNumber), rowProblemText(result.problem, t)]);
  });
  return csvBlob(records);
}
