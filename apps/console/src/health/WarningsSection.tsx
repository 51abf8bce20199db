import { labelOf } from '../common/messages';
import { formatLocalTime } from '../format/time';
import type { Loaded } from '../common/useLoad';
import { LoadedView } from './LoadedView';
import { useHealthMessages } from './messages';
import { formatRateExact } from '../format/numbers';
import { Section } from '../common/Section';
import type { DowngradeWarning, StoreStanding, TradeAnalysis, TradeMetrics } from './types';

/** CMP-2's bars that warn from below (the others warn from above). */
const LOW_BARS = new Set(['POSITIVE_RATE']);

/** The ANA-1 figure each CMP-2 bar reads, over the same 90 days. */
const NOW: Record<string, (m: TradeMetrics) => string | null> = {
  SLOW_FULFILLMENT_SHARE: (m) => m.slowFulfillmentShare,
  DISPUTE_RATE: (m) => m.disputeRate,
  POSITIVE_RATE: (m) => m.positiveRate,
};

interface WarningsSectionProps {
  storeId: string;
  standing: Loaded<StoreStanding[]>;
  onRetry: () => void;
  /** For each warning's figure now: a warning keeps the value it was raised at until it clears. */
  analysis: TradeAnalysis | undefined;
}

/** CMP-2: the open downgrade warnings, each with its 90-day value against its bar. */
export function WarningsSection({ storeId, standing, onRetry, analysis }: WarningsSectionProps) {
  const { h } = useHealthMessages();
  return (
    <Section title={h.sections.warnings} className="health-section">
      <p className="hint health-intro">{h.warningsIntro}</p>
      <LoadedView loaded={standing} onRetry={onRetry}>
        {(stores) => {
          const rows = stores.flatMap((s) => s.warnings.map((w) => ({ storeId: s.storeId, warning: w })));
          return rows.length === 0 ? (
            <p>{h.noWarnings}</p>
          ) : (
            <WarningsTable rows={rows} showStore={storeId === ''} analysis={analysis} />
          );
        }}
      </LoadedView>
    </Section>
  );
}

interface WarningRow {
  storeId: string;
  warning: DowngradeWarning;
}

interface WarningsTableProps {
  rows: WarningRow[];
  showStore: boolean;
  analysis: TradeAnalysis | undefined;
}

function WarningsTable({ rows, showStore, analysis }: WarningsTableProps) {
  const { h, locale } = useHealthMessages();
  const now = ({ storeId, warning }: WarningRow) => {
    const totals = analysis?.byStore.find((s) => s.storeId === storeId)?.totals;
    const value = totals ? NOW[warning.warning]?.(totals) : undefined;
    return value === undefined ? h.loading : value === null ? h.notRated : formatRateExact(value, locale);
  };
  const bar = (w: DowngradeWarning) => {
    const text = formatRateExact(w.bar, locale);
    return LOW_BARS.has(w.warning) ? h.barAtLeast(text) : h.barAtMost(text);
  };
  return (
    <div className="health-table-wrap">
      <table className="health-table health-warnings">
        <caption>{h.warningsCaption}</caption>
        <thead>
          <tr>
            {showStore && <th scope="col">{h.colStore}</th>}
            <th scope="col">{h.colWarning}</th>
            <th scope="col" className="num">
              {h.colRaisedAt}
            </th>
            <th scope="col" className="num">
              {h.colNow}
            </th>
            <th scope="col" className="num">
              {h.colBar}
            </th>
            <th scope="col">{h.colSince}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.storeId}|${row.warning.warning}`}>
              {showStore && <td>{row.storeId}</td>}
              <th scope="row">{labelOf(h.warningNames, row.warning.warning)}</th>
              <td className="num health-bad">{formatRateExact(row.warning.value, locale)}</td>
              <td className="num">{now(row)}</td>
              <td className="num">{bar(row.warning)}</td>
              <td>
                <time dateTime={row.warning.raisedAt}>{formatLocalTime(row.warning.raisedAt, locale)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
