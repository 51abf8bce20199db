import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { ChoiceFieldset, choiceId } from '../common/ChoiceFieldset';
import { useCodeLabels } from '../common/code-labels';
import { useCommonMessages } from '../common/messages';
import { ProblemAlert } from '../common/ProblemAlert';
import { ReasonField } from '../common/ReasonField';
import { formatUtcTime } from '../format/time';
import { useNow } from '../time/useNow';
import { decideHold, MAX_REASON_LENGTH } from './loaders';
import { useHeldSettlementsMessages } from './messages';
import { releasesAtOnce } from './outcome';
import type { HoldDecision, SettlementOrder } from './types';

const DECISIONS: readonly HoldDecision[] = ['RELEASE', 'KEEP_HOLDING'];

/**
 * SET-3: an operator's decision on a held review, release or keep holding, with its required
 * reason. The Release choice says what it will do by the server's clock: release at once (day 7's
 * release time has passed) or at that time. Sent once with an Idempotency-Key (api() adds it).
 */
export function HoldDecisionForm({
  order,
  onDecided,
}: {
  order: SettlementOrder;
  onDecided: (answer: SettlementOrder) => void;
}) {
  const { h, locale } = useHeldSettlementsMessages();
  const c = useCommonMessages();
  const labels = useCodeLabels();
  const ids = useId();
  const id = (part: string) => `${ids}-${part}`;
  const [decision, setDecision] = useState<HoldDecision>();
  const [reason, setReason] = useState('');
  const [submitting, setSubmitting] = useState(false);
  // The browser's own checks (nothing sent), then the server's answer.
  const [missing, setMissing] = useState<{ decision?: boolean; reason?: boolean }>({});
  const [error, setError] = useState<unknown>();
  const atOnce = releasesAtOnce(order, useNow());

  const serverSays = (field: string) => (error instanceof ApiError ? error.messageFor(field) : undefined);
  const decisionProblem = missing.decision ? h.chooseDecision : serverSays('decision');
  const reasonProblem = missing.reason ? c.reasonRequired : serverSays('reason');
  // A problem the server did not pin to a field goes above the form.
  const general =
    error instanceof ApiError && (error.messageFor('decision') || error.messageFor('reason'))
      ? undefined
      : error;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const why = reason.trim();
    const now = { decision: !decision, reason: !why };
    setMissing(now);
    setError(undefined);
    if (now.decision || now.reason || !decision) {
      document.getElementById(now.decision ? choiceId(id('decision'), DECISIONS[0]) : id('reason'))?.focus();
      return;
    }
    setSubmitting(true);
    try {
      const answer = await decideHold(order.orderId, decision, why);
      setDecision(undefined);
      setReason('');
      onDecided(answer);
    } catch (failure) {
      setError(failure);
      if (failure instanceof ApiError && failure.messageFor('reason'))
        document.getElementById(id('reason'))?.focus();
    } finally {
      setSubmitting(false);
    }
  };

  const hint = (choice: HoldDecision): string =>
    choice === 'KEEP_HOLDING'
      ? h.keepHoldingHint
      : atOnce || !order.releaseAt
        ? h.releaseHintNow
        : h.releaseHintLater(formatUtcTime(order.releaseAt, locale));

  return (
    <form className="held-decision" onSubmit={submit} noValidate aria-labelledby={id('heading')}>
      <h3 id={id('heading')}>{h.decisionHeading}</h3>
      <ProblemAlert error={general} />
      <ChoiceFieldset
        id={id('decision')}
        legend={h.decision}
        choices={DECISIONS}
        value={decision}
        onChange={(choice) => {
          setDecision(choice);
          setMissing((before) => ({ ...before, decision: false }));
        }}
        label={(choice) => labels.holdDecisions[choice]}
        hint={hint}
        choiceClassName="held-choice"
        problem={decisionProblem}
      />
      <ReasonField
        id={id('reason')}
        label={c.reason}
        hint={h.reasonHint(MAX_REASON_LENGTH)}
        problem={reasonProblem}
        value={reason}
        maxLength={MAX_REASON_LENGTH}
        onChange={(value) => {
          setReason(value);
          setMissing((before) => ({ ...before, reason: false }));
          setError((before: unknown) =>
            before instanceof ApiError && before.messageFor('reason') ? undefined : before,
          );
        }}
      />
      <button type="submit" className="button-primary" disabled={submitting}>
        {submitting ? h.submitting : h.submit}
      </button>
    </form>
  );
}
