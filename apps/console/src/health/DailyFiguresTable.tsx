import { formatDay } from './days';
import { useHealthMessages } from './messages';
import type { MetricView } from './metrics';
import type { TradeAnalysis } from './types';

/** The charts' numbers as a table, one row per day: what a screen reader or a careful reader checks. */
export function DailyFiguresTable({ analysis, views }: { analysis: TradeAnalysis; views: MetricView[] }) {
  const { h, locale } = useHealthMessages();
  const columns = views.flatMap((view) =>
    view.lines.map((line) => ({
      key: line.key,
      // A metric with several lines (per currency, per dimension) names both.
      header: view.lines.length > 1 ? `${view.name}: ${line.name}` : line.name,
      format: view.format,
      point: view.point,
    })),
  );
  return (
    <details className="health-details">
      <summary>{h.dailyFigures}</summary>
      <div className="health-table-wrap scroll" tabIndex={0} role="region" aria-label={h.dailyFigures}>
        <table className="health-table health-daily">
          <caption>{h.dailyCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{h.colDay}</th>
              {columns.map((column) => (
                <th key={column.key} scope="col" className="num">
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {analysis.series.map((day) => (
              <tr key={day.day}>
                <th scope="row">
                  <time dateTime={day.day}>{formatDay(day.day, locale)}</time>
                </th>
                {columns.map((column) => {
                  const value = column.point(day)[column.key];
                  return (
                    <td key={column.key} className="num">
                      {value === null || value === undefined ? (
                        <>
                          <span aria-hidden="true">—</span>
                          <span className="visually-hidden">{h.notRated}</span>
                        </>
                      ) : (
                        column.format(value)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
