export type ExcelJs = typeof import('exceljs');

/**
 * exceljs, loaded only when a spreadsheet is written or read: it is about 900 kB, so it stays out
 * of the console's main chunk. Its browser build is a CommonJS bundle, whose exports the bundler
 * may put under `default`.
 */
export async function loadExcelJs(): Promise<ExcelJs> {
  const loaded = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return loaded.default?.Workbook ? loaded.default : loaded;
}
