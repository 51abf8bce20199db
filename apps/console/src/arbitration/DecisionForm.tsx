import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { ProblemAlert } from '../common/ProblemAlert';
import { minorDigits } from '../format/currency-digits';
import { formatMoney } from '../format/money';
import { parseAmount } from '../money/amounts';
import { useArbitrationMessages } from './messages';
import type { ArbitrationDecision, RefundRequest } from './types';

const DECISIONS: readonly ArbitrationDecision[] = ['FULL', 'PARTIAL', 'NONE'];

/** The reason's limit on the server (ArbitrationDto.reason). */
const MAX_REASON_LENGTH = 1000;

type Field = 'decision' | 'amount' | 'reason';
type Problems = Partial<Record<Field, string>>;

/** Where the API's field path belongs in this form (`amount.minor`, say), or nowhere. */
function fieldOf(apiField: string | undefined): Field | undefined {
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
  const ids = useId();
  const id = (part: string) => `${ids}-${part}`;
  const [decision, setDecision] = useState<ArbitrationDecision>();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  // A failure that names no field of the form (a conflict, the network).
  const [failure, setFailure] = useState<unknown>();
  const fields = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  const { currency } = request.requested;
  const requested = formatMoney(request.requested, locale);

  const localProblems = (): Problems => {
    const found: Problems = {};
    if (!decision) found.decision = a.chooseDecision;
    if (decision === 'PARTIAL') {
      const parsed = parseAmount(amount, currency);
      if ('problem' in parsed) found.amount = a.amountProblems[parsed.problem];
      else if (BigInt(parsed.minor) >= BigInt(request.requested.minor)) found.amount = a.amountNotLess;
    }
    if (!reason.trim()) found.reason = a.reasonRequired;
    return found;
  };

  const show = (found: Problems) => {
    setProblems(found);
    const first = (['decision', 'amount', 'reason'] as const).find((field) => found[field]);
    if (first) fields.current[first]?.focus();
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

  const invalid = (field: Field, describedBy?: string) => ({
    'aria-invalid': problems[field] ? true : undefined,
    'aria-describedby':
      [describedBy, problems[field] ? id(`${field}-problem`) : undefined].filter(Boolean).join(' ') ||
      undefined,
  });
  const problem = (field: Field) =>
    problems[field] && (
      <p id={id(`${field}-problem`)} role="alert" className="error">
        {problems[field]}
      </p>
    );

  return (
    <form
      className="arbitration-decision"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={id('heading')}
    >
      <h3 id={id('heading')}>{a.decisionHeading}</h3>
      <ProblemAlert error={failure} />
      <fieldset
        role="radiogroup"
        aria-labelledby={id('legend')}
        aria-required="true"
        {...invalid('decision')}
      >
        <legend id={id('legend')}>{a.decision}</legend>
        {DECISIONS.map((choice, index) => (
          <div className="decision-choice" key={choice}>
            <input
              type="radio"
              id={id(`choice-${choice}`)}
              name={id('decision')}
              value={choice}
              checked={decision === choice}
              aria-describedby={id(`hint-${choice}`)}
              ref={(element) => {
                if (index === 0) fields.current.decision = element;
              }}
              onChange={() => {
                setDecision(choice);
                setProblems((before) => ({ ...before, decision: undefined, amount: undefined }));
              }}
            />
            <label htmlFor={id(`choice-${choice}`)}>{a.decisionName[choice]}</label>
            <span id={id(`hint-${choice}`)} className="hint">
              {a.decisionHint[choice](requested)}
            </span>
          </div>
        ))}
        {problem('decision')}
      </fieldset>
      {decision === 'PARTIAL' && (
        <div className="field">
          <label htmlFor={id('amount')}>{a.amount(currency)}</label>
          <input
            id={id('amount')}
            ref={(element) => {
              fields.current.amount = element;
            }}
            inputMode={minorDigits(currency) > 0 ? 'decimal' : 'numeric'}
            autoComplete="off"
            required
            value={amount}
            onChange={(event) => {
              setAmount(event.target.value);
              setProblems((before) => ({ ...before, amount: undefined }));
            }}
            {...invalid('amount', id('amount-hint'))}
          />
          <p id={id('amount-hint')} className="hint">
            {a.amountHint(requested)}
          </p>
          {problem('amount')}
        </div>
      )}
      <div className="field">
        <label htmlFor={id('reason')}>{a.reason}</label>
        <textarea
          id={id('reason')}
          ref={(element) => {
            fields.current.reason = element;
          }}
          value={reason}
          required
          rows={3}
          maxLength={MAX_REASON_LENGTH}
          onChange={(event) => {
            setReason(event.target.value);
            setProblems((before) => ({ ...before, reason: undefined }));
          }}
          {...invalid('reason', id('reason-hint'))}
        />
        <p id={id('reason-hint')} className="hint">
          {a.reasonHint}
        </p>
        {problem('reason')}
      </div>
      <button type="submit" className="button-primary" disabled={submitting}>
        {submitting ? a.submitting : a.submit}
      </button>
    </form>
  );
}
