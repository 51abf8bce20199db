import { loadExcelJs } from './exceljs';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MIN_WIDTH = 10;
const MAX_WIDTH = 48;

/**
 * A one-sheet workbook: a bold, frozen header row, every cell as text (amounts stay exact decimal
 * strings), empty cells left truly empty, columns as wide as their text.
 */
export async function xlsxBlob(sheetName: string, header: string[], rows: string[][]): Promise<Blob> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((value) => (value === '' ? null : value)));
  header.forEach((title, index) => {
    const longest = rows.reduce((width, row) => Math.max(width, row[index]?.length ?? 0), title.length);
    sheet.getColumn(index + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_TYPE });
}
