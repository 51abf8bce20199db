import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { Field } from '../common/Field';
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
        <Field id={`${id}-amount`} label={m.amount} problem={amountProblem}>
          {(aria) => (
            <input {...aria} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
          )}
        </Field>
        <Field id={`${id}-unit`} label={m.unit}>
          {(aria) => (
            <select {...aria} value={unit} onChange={(e) => setUnit(e.target.value as Unit)}>
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {m.units[u]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {busy ? m.advancing : m.advance}
        </button>
      </form>
      <form onSubmit={submitTo} noValidate aria-labelledby={`${id}-to-heading`}>
        <h2 id={`${id}-to-heading`}>{m.toHeading}</h2>
        <Field id={`${id}-to`} label={m.toLabel} hint={m.toHint} problem={toProblem}>
          {(aria) => (
            <input
              {...aria}
              type="datetime-local"
              step={1}
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {busy ? m.advancing : m.advance}
        </button>
      </form>
    </>
  );
}
