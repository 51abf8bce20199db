import { labelOf } from '../common/messages';
import { Instant } from '../orders/Instant';
import { useOrderMessages } from './messages';
import type { TrackingEvent } from './types';

/** Newest first; the API sends the history oldest first (ties by event id, kept reversed). */
export function newestFirst(events: readonly TrackingEvent[]): TrackingEvent[] {
  return [...events]
    .reverse()
    .sort((a, b) => (a.occurredAt === b.occurredAt ? 0 : a.occurredAt < b.occurredAt ? 1 : -1));
}

/** A package's carrier scans as an ordered list, newest first. */
export function TrackingTimeline({
  trackingNumber,
  events,
}: {
  trackingNumber: string;
  events: TrackingEvent[];
}) {
  const m = useOrderMessages();
  if (events.length === 0) return <p>{m.noEvents}</p>;
  return (
    <ol className="order-timeline" aria-label={m.timelineOf(trackingNumber)}>
      {newestFirst(events).map((event) => (
        <li key={event.eventId} className={`order-event order-event-${event.type.toLowerCase()}`}>
          <span className="order-event-type">{labelOf(m.eventTypes, event.type)}</span>
          <Instant iso={event.occurredAt} />
          {(event.location || event.description) && (
            <span className="order-event-text">
              {[event.location, event.description].filter(Boolean).join(' · ')}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
