import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { ChoiceFieldset, choiceId } from '../common/ChoiceFieldset';
import { useCommonMessages } from '../common/messages';
import { ReasonField } from '../common/ReasonField';
import { DECISIONS_BY_KIND, MAX_REASON_LENGTH, type ReviewDecision } from './decisions';
import type { ReviewTask } from './types';
import { useReviewMessages } from './useReviewMessages';

/** Where a message goes: beside the choice, beside the reason, or above the form. */
type Problem = { field?: 'decision' | 'reason'; message: string };

/**
 * An operator's decision with its reason: only the decisions the task's kind allows. Sent once
 * with an Idempotency-Key (api() adds it), so a repeated click or a retried request has one effect.
 */
export function DecisionForm({
  task,
  onDecided,
}: {
  task: ReviewTask;
  onDecided: (task: ReviewTask) => void;
}) {
  const { r } = useReviewMessages();
  const c = useCommonMessages();
  const ids = useId();
  const id = (part: string) => `${ids}-${part}`;
  const [decision, setDecision] = useState<ReviewDecision>();
  const [reason, setReason] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const problemFor = (field: Problem['field']) => problems.find((p) => p.field === field)?.message;
  const allowed = DECISIONS_BY_KIND[task.kind] ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const missing: Problem[] = [];
    if (!decision) missing.push({ field: 'decision', message: r.chooseDecision });
    if (!reason.trim()) missing.push({ field: 'reason', message: c.reasonRequired });
    setProblems(missing);
    if (missing.length || !decision) {
      document
        .getElementById(missing[0]?.field === 'reason' ? id('reason') : choiceId(id('decision'), allowed[0]))
        ?.focus();
      return;
    }
    setSubmitting(true);
    try {
      const decided = await api<ReviewTask>(`/v1/review-tasks/${encodeURIComponent(task.id)}/decision`, {
        method: 'POST',
        body: { decision, reason: reason.trim() },
      });
      onDecided(decided);
    } catch (error) {
      setSubmitting(false);
      if (error instanceof ApiError) {
        const field = error.field === 'decision' || error.field === 'reason' ? error.field : undefined;
        setProblems([{ field, message: error.detail }]);
      } else setProblems([{ message: r.unexpectedError }]);
    }
  };

  const general = problems.find((p) => !p.field);

  return (
    <form className="decision-form" onSubmit={submit} noValidate aria-labelledby={id('heading')}>
      <h3 id={id('heading')}>{r.decisionHeading}</h3>
      {general && (
        <p role="alert" className="error">
          {general.message}
        </p>
      )}
      <ChoiceFieldset
        id={id('decision')}
        legend={r.decision}
        choices={allowed}
        value={decision}
        onChange={(choice) => {
          setDecision(choice);
          setProblems((before) => before.filter((p) => p.field !== 'decision'));
        }}
        label={(choice) => r.decisionName[choice]}
        hint={(choice) => r.decisionHint[choice]}
        choiceClassName="decision-choice"
        problem={problemFor('decision')}
      />
      <ReasonField
        id={id('reason')}
        label={c.reason}
        hint={r.reasonHint}
        problem={problemFor('reason')}
        value={reason}
        maxLength={MAX_REASON_LENGTH}
        onChange={(value) => {
          setReason(value);
          setProblems((before) => before.filter((p) => p.field !== 'reason'));
        }}
      />
      <button type="submit" className="button-primary" disabled={submitting}>
        {r.submit}
      </button>
    </form>
  );
}
