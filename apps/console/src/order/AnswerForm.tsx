import { useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/api-error';
import { parseAmount } from '../money/amounts';
import { EVIDENCE_TYPES, checkFile, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from './file-checks';
import { useOrderMessages } from './messages';
import type { RefundRequest } from './types';
import { apiUpload } from '../api/client';
import { useCodeLabels } from '../common/code-labels';
import { labelOf } from '../common/messages';

type Answer = 'ACCEPT' | 'PARTIAL' | 'REFUSE';
type Field = 'amount' | 'reason' | 'refusalReason' | 'evidence';
type Problems = Partial<Record<Field | 'form', string>>;

/** The platform's default refusal reasons (DISPUTE_REFUSAL_REASONS); the API names the allowed ones if they differ. */
const REFUSAL_REASONS = [
  'ITEM_AS_DESCRIBED',
  'DELIVERED_AS_TRACKED',
  'DAMAGED_BY_BUYER',
  'NOT_IN_ORIGINAL_CONDITION',
  'OUTSIDE_PROTECTION_PERIOD',
  'DUPLICATE_REQUEST',
];

/** Where the API's field path belongs in this form. */
function fieldOf(apiField: string | undefined, answer: Answer): Field | 'form' {
  if (!apiField) return 'form';
  if (apiField.startsWith('amount')) return 'amount';
  if (apiField.startsWith('evidence') || apiField === 'file') return 'evidence';
  if (apiField === 'reason') return answer === 'REFUSE' ? 'refusalReason' : 'reason';
  return 'form';
}

/**
 * DSP-1: the seller's one answer to a request awaiting it: accept in full, offer a partial refund
 * (amount, reason, evidence) or refuse (a platform reason, evidence). Evidence files are uploaded
 * first and named by their sha256 in the answer.
 */
export function AnswerForm({
  request,
  onAnswered,
}: {
  request: RefundRequest;
  onAnswered: (request: RefundRequest) => void;
}) {
  const m = useOrderMessages().actions;
  const labels = useCodeLabels();
  const ids = { heading: useId(), amount: useId(), reason: useId(), refusal: useId(), evidence: useId() };
  const errorIds = { amount: useId(), reason: useId(), refusalReason: useId(), evidence: useId() };
  const [answer, setAnswer] = useState<Answer>('ACCEPT');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [refusalReason, setRefusalReason] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const evidenceInput = useRef<HTMLInputElement>(null);
  const fieldRefs = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  const currency = request.requested.currency;

  async function localProblems(files: File[]): Promise<Problems> {
    const found: Problems = {};
    if (answer === 'PARTIAL') {
      const parsed = parseAmount(amount, currency);
      if ('problem' in parsed) found.amount = labels.refundAmountProblems[parsed.problem];
      else if (BigInt(parsed.minor) >= BigInt(request.requested.minor))
        found.amount = labels.refundAmountNotLess;
      if (reason.trim() === '') found.reason = m.reasonRequired;
    }
    if (answer === 'REFUSE' && refusalReason === '') found.refusalReason = m.refusalReasonRequired;
    if (answer !== 'ACCEPT') {
      if (files.length === 0) found.evidence = m.evidenceRequired;
      else if (files.length > MAX_EVIDENCE_FILES) found.evidence = m.evidenceTooMany(MAX_EVIDENCE_FILES);
      else {
        for (const file of files) {
          const problem = await checkFile(file, EVIDENCE_TYPES, MAX_EVIDENCE_BYTES);
          if (problem) {
            found.evidence = m.evidenceProblem(file.name, m.evidenceProblems[problem]);
            break;
          }
        }
      }
    }
    return found;
  }

  function show(found: Problems) {
    setProblems(found);
    const first = (['amount', 'reason', 'refusalReason', 'evidence'] as const).find((f) => found[f]);
    if (first) fieldRefs.current[first]?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const files = answer === 'ACCEPT' ? [] : Array.from(evidenceInput.current?.files ?? []);
    const found = await localProblems(files);
    if (Object.keys(found).length > 0) return show(found);
    setBusy(true);
    setProblems({});
    try {
      const evidence: string[] = [];
      for (const file of files) {
        evidence.push((await apiUpload<{ sha256: string }>('/v1/disputes/evidence', file)).sha256);
      }
      const parsed = answer === 'PARTIAL' ? parseAmount(amount, currency) : null;
      const body = {
        answer,
        ...(parsed && 'minor' in parsed ? { amount: { minor: parsed.minor, currency } } : {}),
        ...(answer === 'PARTIAL' ? { reason: reason.trim() } : {}),
        ...(answer === 'REFUSE' ? { reason: refusalReason } : {}),
        ...(evidence.length > 0 ? { evidence } : {}),
      };
      const answered = await api<RefundRequest>(
        `/v1/disputes/requests/${encodeURIComponent(request.id)}/answer`,
        { method: 'POST', body },
      );
      onAnswered(answered);
    } catch (error) {
      if (error instanceof ApiError) show({ [fieldOf(error.field, answer)]: error.detail });
      else show({ form: m.sendFailed });
    } finally {
      setBusy(false);
    }
  }

  const described = (field: Field) => ({
    'aria-invalid': problems[field] ? true : undefined,
    'aria-describedby': problems[field] ? errorIds[field] : undefined,
    ref: (element: HTMLElement | null) => {
      fieldRefs.current[field] = element;
    },
  });
  const error = (field: Field) =>
    problems[field] && (
      <p id={errorIds[field]} className="order-action-error">
        {problems[field]}
      </p>
    );

  return (
    <form
      className="order-action order-answer"
      aria-labelledby={ids.heading}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h4 id={ids.heading}>{m.answerTitle}</h4>
      <fieldset>
        <legend>{m.answerChoice}</legend>
        {(['ACCEPT', 'PARTIAL', 'REFUSE'] as const).map((choice) => (
          <label key={choice} className="order-choice">
            <input
              type="radio"
              name={`answer-${request.id}`}
              value={choice}
              checked={answer === choice}
              onChange={() => {
                setAnswer(choice);
                setProblems({});
              }}
            />
            {m.answers[choice]}
          </label>
        ))}
      </fieldset>
      {answer === 'PARTIAL' && (
        <>
          <label htmlFor={ids.amount}>{m.partialAmount(currency)}</label>
          <input
            id={ids.amount}
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            {...described('amount')}
          />
          {error('amount')}
          <label htmlFor={ids.reason}>{m.partialReason}</label>
          <textarea
            id={ids.reason}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            {...described('reason')}
          />
          {error('reason')}
        </>
      )}
      {answer === 'REFUSE' && (
        <>
          <label htmlFor={ids.refusal}>{m.refusalReason}</label>
          <select
            id={ids.refusal}
            value={refusalReason}
            onChange={(event) => setRefusalReason(event.target.value)}
            {...described('refusalReason')}
          >
            <option value="">{m.chooseReason}</option>
            {REFUSAL_REASONS.map((code) => (
              <option key={code} value={code}>
                {labelOf(labels.refusalReasons, code)}
              </option>
            ))}
          </select>
          {error('refusalReason')}
        </>
      )}
      {answer !== 'ACCEPT' && (
        <>
          <label htmlFor={ids.evidence}>{m.evidenceLabel}</label>
          <input
            id={ids.evidence}
            ref={(element) => {
              evidenceInput.current = element;
              fieldRefs.current.evidence = element;
            }}
            type="file"
            multiple
            accept="application/pdf,image/jpeg,image/png"
            aria-invalid={problems.evidence ? true : undefined}
            aria-describedby={problems.evidence ? errorIds.evidence : undefined}
          />
          {error('evidence')}
        </>
      )}
      <button type="submit" disabled={busy}>
        {busy ? m.sending : m.sendAnswer}
      </button>
      {problems.form && (
        <p role="alert" className="order-action-error">
          {problems.form}
        </p>
      )}
    </form>
  );
}
