import { labelOf } from '../common/messages';
import { formatLocalTime } from '../format/time';
import type { Loaded } from '../common/useLoad';
import { LoadedView } from './LoadedView';
import { useHealthMessages } from './messages';
import { formatMean } from '../format/numbers';
import { Section } from '../common/Section';
import type { IneligibilityReason, StoreStanding } from './types';

interface EligibilitySectionProps {
  standing: Loaded<StoreStanding[]>;
  onRetry: () => void;
}

/**
 * CMP-3: whether each store may register for major campaigns, with every reason when not. Sellers
 * read it from their standing (as last computed): the live check, GET
 * /v1/compliance/campaign-eligibility/{storeId}, answers only the campaigns service and operators.
 */
export function EligibilitySection({ standing, onRetry }: EligibilitySectionProps) {
  const { h } = useHealthMessages();
  return (
    <Section title={h.sections.eligibility} className="health-section">
      <LoadedView loaded={standing} onRetry={onRetry}>
        {(stores) => (
          <ul className="health-eligibility">
            {stores.map((s) => (
              <StoreEligibility key={s.storeId} standing={s} named={stores.length > 1} />
            ))}
          </ul>
        )}
      </LoadedView>
    </Section>
  );
}

function StoreEligibility({ standing, named }: { standing: StoreStanding; named: boolean }) {
  const { h, locale } = useHealthMessages();
  return (
    <li>
      <p className={standing.eligible ? 'health-verdict good' : 'health-verdict bad'}>
        {named && <span className="health-store-name">{standing.storeId}: </span>}
        {standing.eligible ? h.eligible : h.notEligible}
      </p>
      {standing.reasons.length > 0 && (
        <>
          <p className="health-reasons-title">{h.reasons}</p>
          <ul className="health-reasons">
            {standing.reasons.map((reason, i) => (
              <li key={`${reason.code}|${reason.dimension ?? i}`}>
                <ReasonText reason={reason} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="hint">
        {standing.asOf === null ? h.notComputed : h.asOf(formatLocalTime(standing.asOf, locale))}
      </p>
    </li>
  );
}

/** A reason in the reader's language; the server's sentence for a code the console does not know. */
function ReasonText({ reason }: { reason: IneligibilityReason }) {
  const { h, locale } = useHealthMessages();
  if (reason.code === 'ACCOUNT_CLOSED') return <>{h.reasonClosed}</>;
  if (reason.code === 'DSR_BELOW_BAR' && reason.dimension && reason.value && reason.bar)
    return (
      <>
        {h.reasonDsr(
          labelOf(h.dimensions, reason.dimension),
          formatMean(reason.value, locale),
          formatMean(reason.bar, locale),
        )}
      </>
    );
  return <>{reason.message}</>;
}
