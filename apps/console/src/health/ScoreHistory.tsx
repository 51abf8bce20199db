import { useLoad } from '../common/useLoad';
import { summarise } from './chart-summary';
import type { ChartPoint } from './DayChart';
import { daysBetween, formatDay } from './days';
import { LazyDayChart } from './LazyDayChart';
import { loadScoreHistory } from './loaders';
import { LoadedView } from './LoadedView';
import { useHealthMessages } from './messages';
import { formatCount, formatFixed, plotted } from '../format/numbers';
import type { ScoreDay } from './types';

interface ScoreHistoryProps {
  storeId: string;
  period: { from: string; to: string } | undefined;
}

/** CMP-1 over the 90-day window: the score of each UTC day as a line, and the same as a table. */
export function ScoreHistory({ storeId, period }: ScoreHistoryProps) {
  const { h } = useHealthMessages();
  const { loaded, retry } = useLoad(storeId, (signal) => loadScoreHistory(storeId, signal));
  return (
    <div className="health-history">
      <h3>{h.historyTitle}</h3>
      <LoadedView loaded={loaded} onRetry={retry}>
        {(days) => <HistoryView days={days} period={period} />}
      </LoadedView>
    </div>
  );
}

function HistoryView({ days, period }: { days: ScoreDay[]; period: ScoreHistoryProps['period'] }) {
  const { h, locale } = useHealthMessages();
  const scored = days.filter((d): d is ScoreDay & { score: string } => d.score !== null);
  if (scored.length === 0) return <p>{h.noHistory}</p>;

  // The whole window on the axis when it is known, so a young store's line starts where it began.
  const byDay = new Map(days.map((d) => [d.day, d.score]));
  const axisDays = period ? daysBetween(period.from, period.to) : days.map((d) => d.day);
  const data: ChartPoint[] = axisDays.map((day) => ({ day, score: plotted(byDay.get(day) ?? null) }));
  const lines = [{ key: 'score', name: h.scoreLabel }];
  const format = (value: number) => formatFixed(value, 2, locale);
  const first = formatDay(axisDays[0], locale);
  const last = formatDay(axisDays[axisDays.length - 1], locale);

  return (
    <>
      <LazyDayChart
        data={data}
        lines={lines}
        summary={h.historyChart(first, last, summarise(data, lines, format, h, locale))}
        format={format}
        axisFormat={(value) => formatCount(value, locale)}
        locale={locale}
        domain={[0, 100]}
      />
      <details className="health-details">
        <summary>{h.dailyScores}</summary>
        <div className="health-table-wrap scroll" tabIndex={0} role="region" aria-label={h.dailyScores}>
          <table className="health-table">
            <caption>{h.dailyScoresCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{h.colDay}</th>
                <th scope="col" className="num">
                  {h.colScore}
                </th>
              </tr>
            </thead>
            <tbody>
              {scored.map((d) => (
                <tr key={d.day}>
                  <th scope="row">
                    <time dateTime={d.day}>{formatDay(d.day, locale)}</time>
                  </th>
                  <td className="num">{formatFixed(d.score, 2, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
