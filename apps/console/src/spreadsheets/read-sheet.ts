import { parseCsv } from './csv';
import { loadExcelJs } from './exceljs';
import { ImportFileError } from './import-problems';

/** One non-empty row of a sheet, numbered as the spreadsheet program shows it (1 = the first). */
export interface SheetRow {
  number: number;
  cells: string[];
}

/** The rows of an .xlsx file's first worksheet or of a CSV file, every cell as text. */
export async function readSheet(file: File): Promise<SheetRow[]> {
  const name = file.name.toLowerCase();
  const isCsv = name.endsWith('.csv');
  if (!isCsv && !name.endsWith('.xlsx')) throw new ImportFileError({ code: 'wrongType' });
  try {
    const bytes = await file.arrayBuffer();
    return isCsv ? csvRows(bytes) : await xlsxRows(bytes);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError({ code: 'unreadable' });
  }
}

function csvRows(bytes: ArrayBuffer): SheetRow[] {
  return parseCsv(decodeText(bytes))
    .map((cells, index) => ({ number: index + 1, cells }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
}

/** UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as GB 18030, as Chinese Excel saves CSV. */
function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function xlsxRows(bytes: ArrayBuffer): Promise<SheetRow[]> {
  const { Workbook } = await loadExcelJs();
  const workbook = await new Workbook().xlsx.load(bytes);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value));
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ number, cells });
  });
  return rows;
}

/** A cell's value as the text a person sees in it (exceljs gives rich text, links, formulas as objects). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return '';
  if ('richText' in value && Array.isArray(value.richText))
    return value.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join('');
  if ('result' in value) return cellText(value.result);
  if ('text' in value) return cellText(value.text);
  if ('error' in value) return String(value.error);
  return '';
}
