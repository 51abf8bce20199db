import { useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { Instant } from '../orders/Instant';
import type { PackageDetail, TrackingEvent } from './types';
import { useReviewMessages } from './useReviewMessages';

type History =
  { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; events: TrackingEvent[] };

/** The package's carrier scans (GET /v1/packages/{packageId}), newest first, with their times. */
export function TrackingHistory({ packageId, headingId }: { packageId: string; headingId: string }) {
  const { r } = useReviewMessages();
  const [history, setHistory] = useState<History>({ state: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    setHistory({ state: 'loading' });
    api<PackageDetail>(`/v1/packages/${encodeURIComponent(packageId)}`, { signal: abort.signal })
      .then((pkg) => {
        if (abort.signal.aborted) return;
        const events = [...(pkg.trackingEvents ?? [])].sort(
          (a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt),
        );
        setHistory({ state: 'ready', events });
      })
      .catch((error: unknown) => !abort.signal.aborted && setHistory({ state: 'failed', error }));
    return () => abort.abort();
  }, [packageId]);

  return (
    <section className="review-history" aria-labelledby={headingId}>
      <h3 id={headingId}>{r.historyHeading}</h3>
      {history.state === 'loading' && <p>{r.historyLoading}</p>}
      {history.state === 'failed' && (
        <p role="alert" className="error">
          {r.historyFailed}
          {history.error instanceof ApiError ? `: ${history.error.detail}` : ''}
        </p>
      )}
      {history.state === 'ready' && history.events.length === 0 && <p>{r.noHistory}</p>}
      {history.state === 'ready' && history.events.length > 0 && (
        <ol className="tracking-events" aria-labelledby={headingId}>
          {history.events.map((event) => (
            <li key={event.eventId}>
              <span className="tracking-type">{r.eventType[event.type] ?? event.type}</span>
              <Instant iso={event.occurredAt} />
              {(event.location || event.description) && (
                <span className="secondary">
                  {[event.location, event.description].filter(Boolean).join(' · ')}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
