import { spanBetween } from '../common/duration';
import { useNow } from '../time/useNow';
import { useHeldSettlementsMessages } from './messages';

/**
 * How long the review has held the money, from its start to the server's now (the console's clock
 * follows the server's, sandbox included); its own component, so only it re-renders each tick.
 */
export function HeldFor({ since }: { since: string | null }) {
  const { h } = useHeldSettlementsMessages();
  const now = useNow();
  if (!since) return <span className="secondary">—</span>;
  return (
    <span className="held-for" title={h.heldForTitle}>
      {h.heldFor(spanBetween(Date.parse(since), now))}
    </span>
  );
}
