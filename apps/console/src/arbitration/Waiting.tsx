import { useNow } from '../time/useNow';
import { waitedSince } from './format';
import { useArbitrationMessages } from './messages';

/** How long the case has waited since its escalation, live (the server's clock, every second). */
export function Waiting({ since }: { since: string }) {
  const { a } = useArbitrationMessages();
  const waited = waitedSince(Date.parse(since), useNow());
  return (
    <span className="countdown arbitration-waiting">
      {a.waiting(a.duration(waited.days, waited.hours, waited.minutes))}
    </span>
  );
}
