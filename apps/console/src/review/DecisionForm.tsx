import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
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
    if (!reason.trim()) missing.push({ field: 'reason', message: r.reasonRequired });
    setProblems(missing);
    if (missing.length || !decision) {
      document
        .getElementById(id(missing[0]?.field === 'reason' ? 'reason' : `choice-${allowed[0]}`))
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
  const reasonProblem = problemFor('reason');
  const decisionProblem = problemFor('decision');

  return (
    <form className="decision-form" onSubmit={submit} noValidate aria-labelledby={id('heading')}>
      <h3 id={id('heading')}>{r.decisionHeading}</h3>
      {general && (
        <p role="alert" className="error">
          {general.message}
        </p>
      )}
      <fieldset
        role="radiogroup"
        aria-labelledby={id('legend')}
        aria-required="true"
        aria-invalid={decisionProblem ? true : undefined}
        aria-describedby={decisionProblem ? id('decision-problem') : undefined}
      >
        <legend id={id('legend')}>{r.decision}</legend>
        {allowed.map((choice) => (
          <div className="decision-choice" key={choice}>
            <input
              type="radio"
              id={id(`choice-${choice}`)}
              name={id('decision')}
              value={choice}
              checked={decision === choice}
              aria-describedby={id(`hint-${choice}`)}
              onChange={() => {
                setDecision(choice);
                setProblems((before) => before.filter((p) => p.field !== 'decision'));
              }}
            />
            <label htmlFor={id(`choice-${choice}`)}>{r.decisionName[choice]}</label>
            <span id={id(`hint-${choice}`)} className="hint">
              {r.decisionHint[choice]}
            </span>
          </div>
        ))}
        {decisionProblem && (
          <p id={id('decision-problem')} role="alert" className="error">
            {decisionProblem}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={id('reason')}>{r.reason}</label>
        <textarea
          id={id('reason')}
          value={reason}
          required
          rows={3}
          maxLength={MAX_REASON_LENGTH}
          aria-invalid={reasonProblem ? true : undefined}
          aria-describedby={[id('reason-hint'), reasonProblem ? id('reason-problem') : '']
            .filter(Boolean)
            .join(' ')}
          onChange={(event) => {
            setReason(event.target.value);
            setProblems((before) => before.filter((p) => p.field !== 'reason'));
          }}
        />
        <p id={id('reason-hint')} className="hint">
          {r.reasonHint}
        </p>
        {reasonProblem && (
          <p id={id('reason-problem')} role="alert" className="error">
            {reasonProblem}
          </p>
        )}
      </div>
      <button type="submit" className="button-primary" disabled={submitting}>
        {r.submit}
      </button>
    </form>
  );
}
