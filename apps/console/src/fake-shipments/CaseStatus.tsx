import { Instant } from '../orders/Instant';
import { useFakeShipmentMessages } from './messages';
import type { PenaltyCase } from '../health/types';

/** Whether the case counts, or when, by whom and why an appeal reversed it; then every decision. */
export function CaseStatus({ penaltyCase: c }: { penaltyCase: PenaltyCase }) {
  const { f } = useFakeShipmentMessages();
  return (
    <>
      {c.counted ? (
        <strong className="case-counted">{f.counted}</strong>
      ) : (
        <span className="case-reversed">
          <strong>{f.reversed}</strong>
          {c.reversedAt && (
            <span className="secondary">
              {' '}
              <Instant iso={c.reversedAt} />
            </span>
          )}
          {c.reversedBy && <span className="secondary"> {f.reversedBy(c.reversedBy)}</span>}
        </span>
      )}
      {c.appeals.length > 0 && (
        <>
          <span className="penalty-appeals-title">{f.appeals}</span>
          <ul className="penalty-appeals">
            {c.appeals.map((a) => (
              <li key={`${a.decidedAt}-${a.outcome}`}>
                <strong>{f.outcome[a.outcome] ?? a.outcome}</strong>{' '}
                <span className="secondary">
                  <Instant iso={a.decidedAt} /> {f.decidedBy(a.decidedBy)}
                </span>
                <span className="penalty-reason">{a.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
