import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { ChoiceFieldset, choiceId } from '../common/ChoiceFieldset';
import { useCodeLabels } from '../common/code-labels';
import { Field } from '../common/Field';
import { useCommonMessages } from '../common/messages';
import { ProblemAlert } from '../common/ProblemAlert';
import { ReasonField } from '../common/ReasonField';
import { minorDigits } from '../format/currency-digits';
import { formatMoney } from '../format/money';
import { parseAmount } from '../money/amounts';
import { useArbitrationMessages } from './messages';
import type { ArbitrationDecision, RefundRequest } from './types';

const DECISIONS: readonly ArbitrationDecision[] = ['FULL', 'PARTIAL', 'NONE'];

/** The reason's limit on the server (ArbitrationDto.reason). */
const MAX_REASON_LENGTH = 1000;

type FieldName = 'decision' | 'amount' | 'reason';
type Problems = Partial<Record<FieldName, string>>;

/** Where the API's field path belongs in this form (`amount.minor`, say), or nowhere. */
function fieldOf(apiField: string | undefined): FieldName | undefined {
  if (!apiField) return undefined;
  if (apiField === 'amount' || apiField.startsWith('amount.')) return 'amount';
  if (apiField === 'decision' || apiField === 'reason') return apiField;
  return undefined;
}

/**
 * DSP-4: the operator's decision on an escalated request: the full refund asked for, a partial
 * refund (an exact decimal amount, less than asked, turned into minor units without floating
 * point), or none; always with a reason. Sent once with an Idempotency-Key (api() adds it), so a
 * repeated click or a retried request has one effect.
 */
export function DecisionForm({
  request,
  onDecided,
}: {
  request: RefundRequest;
  onDecided: (request: RefundRequest) => void;
}) {
  const { a, locale } = useArbitrationMessages();
  const c = useCommonMessages();
  const labels = useCodeLabels();
  const ids = useId();
  const id = (part: string) => `${ids}-${part}`;
  const [decision, setDecision] = useState<ArbitrationDecision>();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  // A failure that names no field of the form (a conflict, the network).
  const [failure, setFailure] = useState<unknown>();
  const { currency } = request.requested;
  const requested = formatMoney(request.requested, locale);

  const localProblems = (): Problems => {
    const found: Problems = {};
    if (!decision) found.decision = a.chooseDecision;
    if (decision === 'PARTIAL') {
      const parsed = parseAmount(amount, currency);
      if ('problem' in parsed) found.amount = labels.refundAmountProblems[parsed.problem];
      else if (BigInt(parsed.minor) >= BigInt(request.requested.minor))
        found.amount = labels.refundAmountNotLess;
    }
    if (!reason.trim()) found.reason = c.reasonRequired;
    return found;
  };

  const show = (found: Problems) => {
    setProblems(found);
    const first = (['decision', 'amount', 'reason'] as const).find((field) => found[field]);
    if (first)
      document
        .getElementById(first === 'decision' ? choiceId(id('decision'), DECISIONS[0]) : id(first))
        ?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setFailure(undefined);
    const found = localProblems();
    if (Object.keys(found).length > 0 || !decision) return show(found);
    setProblems({});
    const parsed = decision === 'PARTIAL' ? parseAmount(amount, currency) : null;
    const body = {
      decision,
      ...(parsed && 'minor' in parsed ? { amount: { minor: parsed.minor, currency } } : {}),
      reason: reason.trim(),
    };
    setSubmitting(true);
    try {
      const decided = await api<RefundRequest>(
        `/v1/disputes/requests/${encodeURIComponent(request.id)}/arbitration`,
        { method: 'POST', body },
      );
      onDecided(decided);
    } catch (error) {
      setSubmitting(false);
      const field = error instanceof ApiError ? fieldOf(error.field) : undefined;
      if (error instanceof ApiError && field)
        show({ [field]: error.messageFor(error.field!) ?? error.detail });
      else setFailure(error);
    }
  };

  return (
    <form
      className="arbitration-decision"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={id('heading')}
    >
      <h3 id={id('heading')}>{a.decisionHeading}</h3>
      <ProblemAlert error={failure} />
      <ChoiceFieldset
        id={id('decision')}
        legend={a.decision}
        choices={DECISIONS}
        value={decision}
        onChange={(choice) => {
          setDecision(choice);
          setProblems((before) => ({ ...before, decision: undefined, amount: undefined }));
        }}
        label={(choice) => a.decisionName[choice]}
        hint={(choice) => a.decisionHint[choice](requested)}
        choiceClassName="decision-choice"
        problem={problems.decision}
      />
      {decision === 'PARTIAL' && (
        <Field
          id={id('amount')}
          label={a.amount(currency)}
          hint={a.amountHint(requested)}
          problem={problems.amount}
        >
          {(aria) => (
            <input
              {...aria}
              inputMode={minorDigits(currency) > 0 ? 'decimal' : 'numeric'}
              autoComplete="off"
              required
              value={amount}
              onChange={(event) => {
                setAmount(event.target.value);
                setProblems((before) => ({ ...before, amount: undefined }));
              }}
            />
          )}
        </Field>
      )}
      <ReasonField
        id={id('reason')}
        label={c.reason}
        hint={a.reasonHint}
        problem={problems.reason}
        value={reason}
        maxLength={MAX_REASON_LENGTH}
        onChange={(value) => {
          setReason(value);
          setProblems((before) => ({ ...before, reason: undefined }));
        }}
      />
      <button type="submit" className="button-primary" disabled={submitting}>
        {submitting ? a.submitting : a.submit}
      </button>
    </form>
  );
}
