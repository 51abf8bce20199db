import { useMemo } from 'react';
import type { Loaded } from '../common/useLoad';
import { summarise } from './chart-summary';
import type { ChartPoint } from './DayChart';
import { formatDay } from './days';
import { DailyFiguresTable } from './DailyFiguresTable';
import { ExportSeries } from './ExportSeries';
import { LazyDayChart } from './LazyDayChart';
import { LoadedView } from './LoadedView';
import { useHealthMessages } from './messages';
import { currenciesOf, metricViews, type MetricView } from './metrics';
import { Section } from '../common/Section';
import type { TradeAnalysis } from './types';

interface TradeAnalysisSectionProps {
  storeId: string;
  analysis: Loaded<TradeAnalysis>;
  onRetry: () => void;
}

/** ANA-1: the 12 core metrics over the window, as figures and as daily charts, and their export. */
export function TradeAnalysisSection({ storeId, analysis, onRetry }: TradeAnalysisSectionProps) {
  const { h } = useHealthMessages();
  return (
    <Section title={h.sections.analysis} className="health-section">
      <LoadedView loaded={analysis} onRetry={onRetry}>
        {(data) => <AnalysisView storeId={storeId} analysis={data} />}
      </LoadedView>
    </Section>
  );
}

function AnalysisView({ storeId, analysis }: { storeId: string; analysis: TradeAnalysis }) {
  const { h, locale } = useHealthMessages();
  const views = useMemo(
    () => metricViews(h, locale, currenciesOf([analysis.totals, ...analysis.series])),
    [h, locale, analysis],
  );
  const from = formatDay(analysis.from, locale);
  const to = formatDay(analysis.to, locale);

  return (
    <>
      <p>
        {h.window(analysis.windowDays, from, to)}{' '}
        {analysis.stores.length > 0 && h.storesCounted(analysis.stores.join(', '))}
      </p>
      <ExportSeries storeId={storeId} to={analysis.to} />
      <ul className="metric-grid" aria-label={h.metrics}>
        {views.map((view) => (
          <MetricCard key={view.id} view={view} analysis={analysis} from={from} to={to} />
        ))}
      </ul>
      <DailyFiguresTable analysis={analysis} views={views} />
    </>
  );
}

interface MetricCardProps {
  view: MetricView;
  analysis: TradeAnalysis;
  from: string;
  to: string;
}

function MetricCard({ view, analysis, from, to }: MetricCardProps) {
  const { h, locale } = useHealthMessages();
  const data: ChartPoint[] = analysis.series.map((day) => ({ day: day.day, ...view.point(day) }));
  const totals = view.totals(analysis.totals);
  return (
    <li className="metric-card">
      <h3>{view.name}</h3>
      {view.note && <p className="hint metric-note">{view.note}</p>}
      {totals.length === 1 && totals[0].label === undefined ? (
        <p className="metric-total">{totals[0].value}</p>
      ) : (
        <dl className="metric-totals">
          {totals.map((total) => (
            <div key={total.label ?? total.value}>
              <dt>{total.label}</dt>
              <dd>{total.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {!data.some((point) => view.lines.some((line) => typeof point[line.key] === 'number')) ? (
        <p className="health-chart-empty">{h.noDayInWindow}</p>
      ) : (
        <LazyDayChart
          data={data}
          lines={view.lines}
          summary={h.chartSummary(view.name, from, to, summarise(data, view.lines, view.format, h, locale))}
          format={view.format}
          axisFormat={view.axisFormat}
          locale={locale}
          domain={view.domain}
          zeroTop={view.zeroTop}
        />
      )}
    </li>
  );
}
