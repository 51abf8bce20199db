import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { ProblemAlert } from '../common/ProblemAlert';
import { useFakeShipmentMessages } from './messages';
import {
  APPEAL_OUTCOMES,
  type AppealOutcome,
  MAX_REASON_LENGTH,
  type PenaltyCase,
  type SellerPenalties,
} from './types';

interface AppealFormProps {
  penaltyCase: PenaltyCase;
  /** The account's bar, for the REVERSED hint. */
  casesToClose: number;
  id: string;
  onDecided: (account: SellerPenalties, outcome: AppealOutcome) => void;
  onCancel: () => void;
}

/** A field the page checks before sending: the choice or the reason. */
type Missing = 'outcome' | 'reason';

/**
 * CMP-4: an operator's decision on a seller's appeal of one case, with its required reason. Sent
 * once with an Idempotency-Key (api() adds it); the answer is the seller's account after it. The
 * server's refusals land beside the field they name (messageFor), anything else above the form.
 */
export function AppealForm({ penaltyCase, casesToClose, id, onDecided, onCancel }: AppealFormProps) {
  const { f } = useFakeShipmentMessages();
  const ids = useId();
  const part = (name: string) => `${ids}-${name}`;
  const heading = useRef<HTMLHeadingElement>(null);
  const [outcome, setOutcome] = useState<AppealOutcome>();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<Missing[]>([]);
  const [error, setError] = useState<unknown>();
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const clearServer = (field: Missing) =>
    setError((before: unknown) =>
      before instanceof ApiError && before.messageFor(field) ? undefined : before,
    );
  const serverSays = (field: Missing) => (error instanceof ApiError ? error.messageFor(field) : undefined);
  const outcomeProblem = missing.includes('outcome') ? f.chooseOutcome : serverSays('outcome');
  const reasonProblem = missing.includes('reason') ? f.reasonRequired : serverSays('reason');
  // A problem that names neither field (the case was reversed meanwhile, a failure) goes above.
  const general = error !== undefined && !serverSays('outcome') && !serverSays('reason') ? error : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const absent: Missing[] = [];
    if (!outcome) absent.push('outcome');
    if (!reason.trim()) absent.push('reason');
    setMissing(absent);
    setError(undefined);
    if (absent.length || !outcome) {
      document
        .getElementById(part(absent[0] === 'reason' ? 'reason' : `outcome-${APPEAL_OUTCOMES[0]}`))
        ?.focus();
      return;
    }
    setSubmitting(true);
    try {
      const account = await api<SellerPenalties>(
        `/v1/compliance/penalties/cases/${encodeURIComponent(penaltyCase.caseId)}/appeal`,
        { method: 'POST', body: { outcome, reason: reason.trim() } },
      );
      onDecided(account, outcome);
    } catch (failure) {
      setSubmitting(false);
      setError(failure);
      if (failure instanceof ApiError && failure.messageFor('reason'))
        document.getElementById(part('reason'))?.focus();
    }
  };

  return (
    <form
      id={id}
      className="appeal-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={part('heading')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3 id={part('heading')} ref={heading} tabIndex={-1}>
        {f.formHeading(penaltyCase.caseId.slice(0, 8))}
      </h3>
      <ProblemAlert error={general} />
      <fieldset
        role="radiogroup"
        aria-labelledby={part('legend')}
        aria-required="true"
        aria-invalid={outcomeProblem ? true : undefined}
        aria-describedby={outcomeProblem ? part('outcome-problem') : undefined}
      >
        <legend id={part('legend')}>{f.outcomeLegend}</legend>
        {APPEAL_OUTCOMES.map((choice) => (
          <div className="appeal-choice" key={choice}>
            <input
              type="radio"
              id={part(`outcome-${choice}`)}
              name={part('outcome')}
              value={choice}
              checked={outcome === choice}
              aria-describedby={part(`hint-${choice}`)}
              onChange={() => {
                setOutcome(choice);
                setMissing((before) => before.filter((m) => m !== 'outcome'));
                clearServer('outcome');
              }}
            />
            <label htmlFor={part(`outcome-${choice}`)}>{f.outcomeName[choice]}</label>
            <span id={part(`hint-${choice}`)} className="hint">
              {choice === 'REVERSED' ? f.reversedHint(penaltyCase.points, casesToClose) : f.upheldHint}
            </span>
          </div>
        ))}
        {outcomeProblem && (
          <p id={part('outcome-problem')} role="alert" className="error">
            {outcomeProblem}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={part('reason')}>{f.reason}</label>
        <textarea
          id={part('reason')}
          value={reason}
          required
          rows={3}
          maxLength={MAX_REASON_LENGTH}
          aria-invalid={reasonProblem ? true : undefined}
          aria-describedby={[part('reason-hint'), reasonProblem ? part('reason-problem') : '']
            .filter(Boolean)
            .join(' ')}
          onChange={(event) => {
            setReason(event.target.value);
            setMissing((before) => before.filter((m) => m !== 'reason'));
            clearServer('reason');
          }}
        />
        <p id={part('reason-hint')} className="hint">
          {f.reasonHint(MAX_REASON_LENGTH)}
        </p>
        {reasonProblem && (
          <p id={part('reason-problem')} role="alert" className="error">
            {reasonProblem}
          </p>
        )}
      </div>
      <div className="appeal-actions">
        <button type="submit" className="button-primary" disabled={submitting}>
          {f.submit}
        </button>
        <button type="button" onClick={onCancel}>
          {f.cancel}
        </button>
      </div>
    </form>
  );
}
