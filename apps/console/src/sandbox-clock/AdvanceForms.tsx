import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { ProblemAlert } from '../common/ProblemAlert';
import { formatUtcTime } from '../format/time';
import { useI18n } from '../i18n/useI18n';
import { advanceClock, utcInstantOf, type AdvanceBy, type AdvanceResult } from './advance';
import { useSandboxClockMessages, type Unit } from './messages';

interface AdvanceFormsProps {
  last: AdvanceResult | undefined;
  onAdvanced: (result: AdvanceResult) => void;
}

const UNITS: Unit[] = ['minutes', 'hours', 'days'];

/** Advance by an amount of time or to an instant; one advance at a time, its result announced. */
export function AdvanceForms({ last, onAdvanced }: AdvanceFormsProps) {
  const m = useSandboxClockMessages();
  const { locale } = useI18n();
  const id = useId();
  const [amount, setAmount] = useState('1');
  const [unit, setUnit] = useState<Unit>('hours');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [invalid, setInvalid] = useState<'amount' | 'to'>();

  const send = async (by: AdvanceBy) => {
    setBusy(true);
    setError(undefined);
    try {
      onAdvanced(await advanceClock(by));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const submitBy = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(amount);
    if (!Number.isInteger(value) || value <= 0) return setInvalid('amount');
    setInvalid(undefined);
    void send({ amount: value, unit });
  };

  const submitTo = (event: FormEvent) => {
    event.preventDefault();
    const instant = utcInstantOf(to);
    if (!instant) return setInvalid('to');
    setInvalid(undefined);
    void send({ to: instant });
  };

  // The server names `seconds` or `to`: beside the form that sent it; anything else above both.
  const fieldProblem = (field: string) =>
    error instanceof ApiError && error.field === field ? error.detail : undefined;
  const amountProblem = invalid === 'amount' ? m.amountInvalid : fieldProblem('seconds');
  const toProblem = invalid === 'to' ? m.instantInvalid : fieldProblem('to');
  const general =
    error instanceof ApiError && (error.field === 'seconds' || error.field === 'to') ? undefined : error;

  return (
    <>
      <ProblemAlert error={general} />
      <p role="status" className="sandbox-result">
        {last &&
          m.advanced(formatUtcTime(last.from, locale), formatUtcTime(last.now, locale), last.firedTimers)}
      </p>
      <form onSubmit={submitBy} noValidate aria-labelledby={`${id}-by`}>
        <h2 id={`${id}-by`}>{m.byHeading}</h2>
        <div className="field">
          <label htmlFor={`${id}-amount`}>{m.amount}</label>
          <input
            id={`${id}-amount`}
            inputMode="numeric"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            aria-invalid={amountProblem ? true : undefined}
            aria-describedby={amountProblem ? `${id}-amount-problem` : undefined}
          />
          {amountProblem && (
            <p id={`${id}-amount-problem`} role="alert" className="error">
              {amountProblem}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{m.unit}</label>
          <select id={`${id}-unit`} value={unit} onChange={(event) => setUnit(event.target.value as Unit)}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {m.units[u]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? m.advancing : m.advance}
        </button>
      </form>
      <form onSubmit={submitTo} noValidate aria-labelledby={`${id}-to-heading`}>
        <h2 id={`${id}-to-heading`}>{m.toHeading}</h2>
        <div className="field">
          <label htmlFor={`${id}-to`}>{m.toLabel}</label>
          <input
            id={`${id}-to`}
            type="datetime-local"
            step={1}
            value={to}
            onChange={(event) => setTo(event.target.value)}
            aria-invalid={toProblem ? true : undefined}
            aria-describedby={`${id}-to-hint${toProblem ? ` ${id}-to-problem` : ''}`}
          />
          <p id={`${id}-to-hint`} className="hint">
            {m.toHint}
          </p>
          {toProblem && (
            <p id={`${id}-to-problem`} role="alert" className="error">
              {toProblem}
            </p>
          )}
        </div>
        <button type="submit" disabled={busy}>
          {busy ? m.advancing : m.advance}
        </button>
      </form>
    </>
  );
}
