import { minorDigits } from '../format/currency-digits';
import { formatMoney, minorToDecimal, type Money } from '../format/money';
import type { HealthMessages } from './messages';
import type { ChartLine } from './DayChart';
import {
  formatAmount,
  formatCount,
  formatDays,
  formatFixed,
  formatHours,
  formatMean,
  formatRate,
  formatRateNumber,
  formatUsd,
  formatUsdCompact,
  plotted,
} from '../format/numbers';
import type { TradeMetrics } from './types';

export type MetricId = keyof HealthMessages['metricNames'];

/** One figure of a metric over the window: a label when the metric has several (per currency, per dimension). */
export interface MetricTotal {
  label?: string;
  value: string;
}

/** How the page shows one ANA-1 metric: its window figures, and its daily series as chart lines. */
export interface MetricView {
  id: MetricId;
  name: string;
  note?: string;
  totals: (m: TradeMetrics) => MetricTotal[];
  lines: ChartLine[];
  /** The day's value of each line, as plotted (null: nothing to rate that day). */
  point: (m: TradeMetrics) => Record<string, number | null>;
  /** A plotted value as the tooltip and the table show it. */
  format: (value: number) => string;
  /** A plotted value on the axis (shorter), when it differs. */
  axisFormat?: (value: number) => string;
  domain?: [number, number];
  /** The axis' top while every day is 0. */
  zeroTop?: number;
}

/** The window's currencies (GMV and average order value have a figure per currency). */
export function currenciesOf(series: TradeMetrics[]): string[] {
  return [...new Set(series.flatMap((m) => m.gmv.map((g) => g.currency)))].sort();
}

const amount = (money: Money): number => Number(minorToDecimal(money.minor, minorDigits(money.currency)));
const HOUR = 3600;
const DAY = 86_400;

/**
 * ANA-1's 12 core metrics in the rulebook's order, and SET-7's payout cycle that comes with them.
 * Rates arrive as decimal strings: the totals format those strings exactly; the charts plot them
 * as numbers, which only display rounding ever shows.
 */
export function metricViews(h: HealthMessages, locale: string, currencies: string[]): MetricView[] {
  const name = (id: MetricId) => h.metricNames[id];
  const rateText = (rate: string | null): MetricTotal[] => [
    { value: rate === null ? h.notRated : formatRate(rate, locale) },
  ];
  const rate = (id: MetricId, read: (m: TradeMetrics) => string | null): MetricView => ({
    id,
    name: name(id),
    note: h.metricNotes[id],
    totals: (m) => rateText(read(m)),
    lines: [{ key: id, name: name(id) }],
    point: (m) => ({ [id]: plotted(read(m)) }),
    format: (value) => formatRateNumber(value, locale),
    zeroTop: 1,
  });
  const money = (list: Money[]): MetricTotal[] =>
    list.length === 0
      ? [{ value: h.none }]
      : list.map((m) => ({ label: m.currency, value: formatMoney(m, locale) }));
  const dimensions = ['itemAsDescribed', 'communication', 'shippingSpeed'] as const;

  return [
    {
      id: 'orders',
      name: name('orders'),
      totals: (m) => [{ value: formatCount(m.orders, locale) }],
      lines: [{ key: 'orders', name: name('orders') }],
      point: (m) => ({ orders: m.orders }),
      format: (value) => formatCount(value, locale),
    },
    {
      id: 'gmv',
      name: name('gmv'),
      totals: (m) => [
        ...money(m.gmv),
        m.gmvUsdMinor === null
          ? { value: h.usdMissing }
          : { label: h.inUsd, value: formatMoney({ minor: m.gmvUsdMinor, currency: 'USD' }, locale) },
      ],
      lines: [{ key: 'gmvUsd', name: `${name('gmv')} (${h.inUsd})` }],
      point: (m) => ({
        gmvUsd: m.gmvUsdMinor === null ? null : amount({ minor: m.gmvUsdMinor, currency: 'USD' }),
      }),
      format: (value) => formatUsd(value, locale),
      axisFormat: (value) => formatUsdCompact(value, locale),
    },
    {
      id: 'averageOrderValue',
      name: name('averageOrderValue'),
      totals: (m) => money(m.averageOrderValue),
      lines: currencies.map((currency) => ({ key: `aov_${currency}`, name: currency })),
      point: (m) =>
        Object.fromEntries(
          currencies.map((currency) => {
            const value = m.averageOrderValue.find((a) => a.currency === currency);
            return [`aov_${currency}`, value ? amount(value) : null];
          }),
        ),
      format: (value) => formatAmount(value, locale),
    },
    rate('cancellationRate', (m) => m.cancellationRate),
    rate('refundRate', (m) => m.refundRate),
    rate('disputeRate', (m) => m.disputeRate),
    rate('onTimeShipmentRate', (m) => m.onTimeShipmentRate),
    {
      id: 'averageShipTime',
      name: name('averageShipTime'),
      note: h.metricNotes.averageShipTime,
      totals: (m) => [
        {
          value:
            m.averageShipSeconds === null ? h.notRated : formatHours(m.averageShipSeconds / HOUR, locale),
        },
      ],
      lines: [{ key: 'shipHours', name: name('averageShipTime') }],
      point: (m) => ({ shipHours: m.averageShipSeconds === null ? null : m.averageShipSeconds / HOUR }),
      format: (value) => formatHours(value, locale),
    },
    rate('slowFulfillmentShare', (m) => m.slowFulfillmentShare),
    rate('abnormalLogisticsRate', (m) => m.abnormalLogisticsRate),
    rate('positiveRate', (m) => m.positiveRate),
    {
      id: 'dsr',
      name: name('dsr'),
      totals: (m) =>
        dimensions.map((d) => ({
          label: h.dsrDimensions[d],
          value: m.dsr[d] === null ? h.notRated : formatMean(m.dsr[d], locale),
        })),
      lines: dimensions.map((d) => ({ key: `dsr_${d}`, name: h.dsrDimensions[d] })),
      point: (m) => Object.fromEntries(dimensions.map((d) => [`dsr_${d}`, plotted(m.dsr[d])])),
      format: (value) => formatFixed(value, 2, locale),
      domain: [1, 5],
    },
    {
      id: 'payoutCycle',
      name: name('payoutCycle'),
      note: h.metricNotes.payoutCycle,
      totals: (m) => [
        {
          value:
            m.averagePayoutCycleSeconds === null
              ? h.notRated
              : formatDays(m.averagePayoutCycleSeconds / DAY, locale),
        },
      ],
      lines: [{ key: 'payoutDays', name: name('payoutCycle') }],
      point: (m) => ({
        payoutDays: m.averagePayoutCycleSeconds === null ? null : m.averagePayoutCycleSeconds / DAY,
      }),
      format: (value) => formatDays(value, locale),
    },
  ];
}
