import { spanBetween } from '../common/duration';
import { useNow } from '../time/useNow';
import { useArbitrationMessages } from './messages';

/** How long the case has waited since its escalation, live (the server's clock, every second). */
export function Waiting({ since }: { since: string }) {
  const { a } = useArbitrationMessages();
  const waited = spanBetween(Date.parse(since), useNow());
  return <span className="countdown arbitration-waiting">{a.waiting(a.duration(waited))}</span>;
}
