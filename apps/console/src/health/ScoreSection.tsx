import type { Loaded } from '../common/useLoad';
import { formatLocalTime } from '../format/time';
import { LoadedView } from './LoadedView';
import { useHealthMessages } from './messages';
import { formatFixed } from '../format/numbers';
import { PartsTable } from './PartsTable';
import { ScoreHistory } from './ScoreHistory';
import { Section } from '../common/Section';
import { StandingOverview } from './StandingOverview';
import type { StoreStanding } from './types';

interface ScoreSectionProps {
  storeId: string;
  standing: Loaded<StoreStanding[]>;
  onRetry: () => void;
  /** The 90-day window (from the trade analysis), for the history's axis; unknown until read. */
  period: { from: string; to: string } | undefined;
}

/** CMP-1: one store's SLA score, its parts and its history; every store's score when none is chosen. */
export function ScoreSection({ storeId, standing, onRetry, period }: ScoreSectionProps) {
  const { h } = useHealthMessages();
  return (
    <Section title={h.sections.score} className="health-section">
      <LoadedView loaded={standing} onRetry={onRetry}>
        {(stores) =>
          storeId === '' ? (
            <StandingOverview stores={stores} />
          ) : (
            stores[0] && (
              <>
                <StoreScore standing={stores[0]} />
                <ScoreHistory storeId={storeId} period={period} />
              </>
            )
          )
        }
      </LoadedView>
    </Section>
  );
}

function StoreScore({ standing }: { standing: StoreStanding }) {
  const { h, locale } = useHealthMessages();
  if (standing.asOf === null) return <p>{h.nothingCounted}</p>;
  return (
    <>
      <div className="health-score-box">
        <p className="health-score">
          <span className="visually-hidden">{h.scoreLabel}: </span>
          {standing.score === null ? (
            <span className="health-score-value not-rated">{h.notRated}</span>
          ) : (
            <>
              <span className="health-score-value">{formatFixed(standing.score, 2, locale)}</span>{' '}
              <span className="health-score-scale">{h.outOf100}</span>
            </>
          )}
        </p>
        <p className="health-muted">
          {h.computedAt}: <time dateTime={standing.asOf}>{formatLocalTime(standing.asOf, locale)}</time>
        </p>
      </div>
      {standing.score === null ? (
        <p>{h.scoreNotRated}</p>
      ) : (
        <PartsTable parts={standing.parts} score={standing.score} />
      )}
    </>
  );
}
