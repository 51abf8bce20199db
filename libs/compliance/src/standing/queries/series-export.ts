import type { TradeAnalysis } from './trade-analysis.reader';

type Row = (string | number | null)[];

/** ANA-1's daily series as a table: one row per day, one column per metric (money per currency). */
function table(a: TradeAnalysis): { header: string[]; rows: Row[] } {
  const currencies = [...new Set(a.series.flatMap((d) => d.gmv.map((g) => g.currency)))].sort();
  const header = [
    'day',
    'orders',
    ...currencies.map((c) => `gmv_${c}_minor`),
    'gmv_in_USD_minor',
    ...currencies.map((c) => `average_order_value_${c}_minor`),
    'cancellation_rate',
    'refund_rate',
    'dispute_rate',
    'on_time_shipment_rate',
    'average_ship_seconds',
    'slow_fulfillment_share',
    'abnormal_logistics_rate',
    'positive_rate',
    'dsr_item_as_described',
    'dsr_communication',
    'dsr_shipping_speed',
    'average_payout_cycle_seconds',
  ];
  const rows = a.series.map((d): Row => {
    const of = (list: { currency: string; minor: string }[], c: string) =>
      list.find((g) => g.currency === c)?.minor ?? '0';
    return [
      d.day,
      d.orders,
      ...currencies.map((c) => of(d.gmv, c)),
      d.gmvUsdMinor,
      ...currencies.map((c) => d.averageOrderValue.find((g) => g.currency === c)?.minor ?? null),
      d.cancellationRate,
      d.refundRate,
      d.disputeRate,
      d.onTimeShipmentRate,
      d.averageShipSeconds,
      d.slowFulfillmentShare,
      d.abnormalLogisticsRate,
      d.positiveRate,
      d.dsr.itemAsDescribed,
      d.dsr.communication,
      d.dsr.shippingSpeed,
      d.averagePayoutCycleSeconds,
    ];
  });
  return { header, rows };
}

/** RFC 4180: quoted when needed; an empty cell is "not rated". A leading =+-@ is quoted away from spreadsheet formulas. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function seriesCsv(a: TradeAnalysis): string {
  const { header, rows } = table(a);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The same table as an .xlsx workbook; money stays text (minor units can exceed a double's exact range), rates are numbers. */
export async function seriesXlsx(a: TradeAnalysis): Promise<Buffer> {
  const { header, rows } = table(a);
  // Loaded on first export, not at boot: it is a third of a second of every start (kill -9 restarts too).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('trade analysis');
  sheet.addRow(header).font = { bold: true };
  const moneyColumn = (name: string) => name.endsWith('_minor');
  for (const row of rows)
    sheet.addRow(
      row.map((cell, i) =>
        cell === null || typeof cell === 'number' || moneyColumn(header[i]!) || i === 0 ? cell : Number(cell),
      ),
    );
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const info = book.addWorksheet('about');
  info.addRows([
    ['stores', a.stores.join(', ')],
    ['from', a.from],
    ['to', a.to],
    ['window days', a.windowDays],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
