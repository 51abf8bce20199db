import { useCodeLabels, type CodeLabels } from '../common/code-labels';
import { labelOf } from '../common/messages';
import { formatMoney } from '../format/money';
import { formatUtcTime } from '../format/time';
import { Instant } from '../orders/Instant';
import { useNow } from '../time/useNow';
import { useHeldSettlementsMessages, type HeldSettlementsMessages } from './messages';
import { timelineOf, type DatedStep } from './timeline';
import type { SettlementOrder } from './types';

/**
 * The order's settlement as dated steps, earliest first (GET /v1/settlement/orders/{orderId}):
 * delivery and the money frozen, the day-5 review, day 7's release time, every decision with its
 * reason, refunds and the release. Rule times are shown in UTC too; steps still ahead are marked.
 */
export function SettlementTimeline({ order, headingId }: { order: SettlementOrder; headingId: string }) {
  const { h, locale } = useHeldSettlementsMessages();
  const labels = useCodeLabels();
  const now = useNow();
  const steps = timelineOf(order, now);
  return (
    <ol className="held-timeline" aria-labelledby={headingId}>
      {steps.map((step, index) => (
        <li key={`${step.kind}-${step.at}-${index}`} className={step.upcoming ? 'upcoming' : undefined}>
          <span className="held-step">{stepText(step, h, labels, locale)}</span>
          <span className="held-step-time">
            <Instant iso={step.at} utc={step.kind === 'reviewDue' || step.kind === 'normalRelease'} />
            {step.upcoming && <span className="held-upcoming"> ({h.upcoming})</span>}
          </span>
          {step.kind === 'reviewStarted' && step.dueAt && (
            <span className="secondary">{h.stepReviewStartedDue(formatUtcTime(step.dueAt, locale))}</span>
          )}
          {step.kind === 'normalRelease' && step.held && (
            <span className="held-past">{h.stepNormalReleaseHeld}</span>
          )}
        </li>
      ))}
    </ol>
  );
}

function stepText(step: DatedStep, h: HeldSettlementsMessages, labels: CodeLabels, locale: string): string {
  switch (step.kind) {
    case 'delivered':
      return h.stepDelivered(step.frozen ? formatMoney(step.frozen, locale) : null);
    case 'reviewDue':
      return h.stepReviewDue;
    case 'reviewStarted':
      return h.stepReviewStarted;
    case 'normalRelease':
      return h.stepNormalRelease;
    case 'decision':
      return h.stepDecision(
        labelOf(labels.holdDecisions, step.decision.decision),
        step.decision.decidedBy,
        step.decision.reason,
      );
    case 'refund':
      return h.stepRefund(formatMoney(step.amount, locale), labelOf(labels.takenFrom, step.refund.takenFrom));
    case 'released':
      return h.stepReleased(formatMoney(step.released, locale));
  }
}
