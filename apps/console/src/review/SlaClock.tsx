import { Instant } from '../orders/Instant';
import { useNow } from '../time/useNow';
import { slaLeft } from './sla';
import { useReviewMessages } from './useReviewMessages';

/**
 * A task's review due instant in the reader's time zone (its UTC instant in the title) and a live
 * countdown to it; an abnormal-logistics case has no SLA to count down to.
 */
export function SlaClock({ dueAt }: { dueAt: string | null }) {
  const { r } = useReviewMessages();
  if (!dueAt) return <span className="secondary">{r.noSla}</span>;
  return (
    <span className="sla">
      <Instant iso={dueAt} />
      <SlaCountdown dueAt={dueAt} />
    </span>
  );
}

/** Its own component, so only the countdown re-renders on every tick. */
function SlaCountdown({ dueAt }: { dueAt: string }) {
  const { r } = useReviewMessages();
  const left = slaLeft(Date.parse(dueAt), useNow());
  return left.overdue ? (
    <span className="countdown overdue">{r.overdue(left.hours, left.minutes)}</span>
  ) : (
    <span className="countdown">{r.left(left.hours, left.minutes)}</span>
  );
}
