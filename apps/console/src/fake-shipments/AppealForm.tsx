import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { ChoiceFieldset, choiceId } from '../common/ChoiceFieldset';
import { shortId, useCommonMessages } from '../common/messages';
import { ProblemAlert } from '../common/ProblemAlert';
import { ReasonField } from '../common/ReasonField';
import { useFakeShipmentMessages } from './messages';
import type { PenaltyCase, SellerPenalties } from '../health/types';
import { APPEAL_OUTCOMES, type AppealOutcome, MAX_REASON_LENGTH } from './types';

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
  const c = useCommonMessages();
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
  const reasonProblem = missing.includes('reason') ? c.reasonRequired : serverSays('reason');
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
        .getElementById(
          absent[0] === 'reason' ? part('reason') : choiceId(part('outcome'), APPEAL_OUTCOMES[0]),
        )
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
        {f.formHeading(shortId(penaltyCase.caseId))}
      </h3>
      <ProblemAlert error={general} />
      <ChoiceFieldset
        id={part('outcome')}
        legend={f.outcomeLegend}
        choices={APPEAL_OUTCOMES}
        value={outcome}
        onChange={(choice) => {
          setOutcome(choice);
          setMissing((before) => before.filter((m) => m !== 'outcome'));
          clearServer('outcome');
        }}
        label={(choice) => f.outcomeName[choice]}
        hint={(choice) =>
          choice === 'REVERSED' ? f.reversedHint(penaltyCase.points, casesToClose) : f.upheldHint
        }
        choiceClassName="appeal-choice"
        problem={outcomeProblem}
      />
      <ReasonField
        id={part('reason')}
        label={f.reason}
        hint={f.reasonHint(MAX_REASON_LENGTH)}
        problem={reasonProblem}
        value={reason}
        maxLength={MAX_REASON_LENGTH}
        onChange={(value) => {
          setReason(value);
          setMissing((before) => before.filter((m) => m !== 'reason'));
          clearServer('reason');
        }}
      />
      <div className="appeal-actions">
        <button type="submit" className="button-primary" disabled={submitting}>
          {f.submit}
        </button>
        <button type="button" onClick={onCancel}>
          {c.cancel}
        </button>
      </div>
    </form>
  );
}
