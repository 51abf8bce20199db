import { useHealthMessages } from './messages';
import { formatFixed } from '../format/numbers';
import type { StoreStanding } from './types';

/** Every store's score at a glance, when no single store is chosen. */
export function StandingOverview({ stores }: { stores: StoreStanding[] }) {
  const { h, locale } = useHealthMessages();
  if (stores.length === 0) return <p>{h.nothingCounted}</p>;
  return (
    <div className="health-table-wrap">
      <table className="health-table">
        <caption>{h.overviewCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{h.colStore}</th>
            <th scope="col" className="num">
              {h.colScore}
            </th>
            <th scope="col" className="num">
              {h.colWarnings}
            </th>
            <th scope="col">{h.colEligible}</th>
          </tr>
        </thead>
        <tbody>
          {stores.map((s) => (
            <tr key={s.storeId}>
              <th scope="row">{s.storeId}</th>
              <td className="num">{s.score === null ? h.notRated : formatFixed(s.score, 2, locale)}</td>
              <td className="num">{s.warnings.length}</td>
              <td>{s.eligible ? h.yes : h.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
