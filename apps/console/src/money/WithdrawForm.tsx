import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { minorDigits } from '../format/currency-digits';
import { formatMoney } from '../format/money';
import { Instant } from '../orders/Instant';
import { convertMinor, parseAmount } from './amounts';
import { requestQuote, requestWithdrawal } from './loaders';
import { useMoneyMessages, type MoneyMessages } from './messages';
import type { Balance, FxQuote, Withdrawal } from './types';

const CNY = 'CNY';

/** Where a problem is shown: beside the field it names, or above the form. */
type ProblemField = 'store' | 'currency' | 'amount' | 'quote';
interface Problem {
  field?: ProblemField;
  message: string;
}

interface WithdrawFormProps {
  /** Balances of the stores the page shows; those with money available can be withdrawn from. */
  balances: Balance[];
  onWithdrawn: (withdrawal: Withdrawal) => void;
}

/** The API's field path (`amount.minor`, `quoteId`, `from`) as the form's own field. */
function problemField(field: string | undefined): ProblemField | undefined {
  if (field === undefined) return undefined;
  if (field.startsWith('amount')) return 'amount';
  if (field === 'quoteId' || field === 'from') return 'quote';
  if (field === 'storeId') return 'store';
  return undefined;
}

function problemOf(error: unknown, m: MoneyMessages): Problem {
  if (!(error instanceof ApiError)) return { message: m.unexpectedError };
  return { field: problemField(error.field), message: m.problemCodes[error.code] ?? error.detail };
}

/**
 * SET-4: a withdrawal from a store's available balance, paid out in its own currency or in CNY at
 * a quoted rate (no spread). The quote, and what it pays out, is shown before Withdraw confirms.
 * The amount is checked as a decimal with the currency's minor digits; the server checks it
 * against the balance, and its problem answers appear beside the field they name.
 */
export function WithdrawForm({ balances, onWithdrawn }: WithdrawFormProps) {
  const { m, locale } = useMoneyMessages();
  const ids = useId();
  const id = (part: string) => `${ids}-${part}`;
  const amountInput = useRef<HTMLInputElement>(null);

  const withMoney = balances.filter((b) => BigInt(b.available) > 0n);
  const stores = [...new Set(withMoney.map((b) => b.storeId))].sort();
  const [chosenStore, setStoreId] = useState('');
  const storeId = stores.includes(chosenStore) ? chosenStore : (stores[0] ?? '');
  const currencies = withMoney
    .filter((b) => b.storeId === storeId)
    .map((b) => b.currency)
    .sort();
  const [chosenCurrency, setCurrency] = useState('');
  const currency = currencies.includes(chosenCurrency) ? chosenCurrency : (currencies[0] ?? '');
  const available = withMoney.find((b) => b.storeId === storeId && b.currency === currency)?.available ?? '0';
  const [amountText, setAmountText] = useState('');
  const [toCny, setToCny] = useState(false);
  const converting = toCny && currency !== CNY;
  const [quote, setQuote] = useState<FxQuote>();
  const [busy, setBusy] = useState<'quote' | 'withdraw'>();
  const [problem, setProblem] = useState<Problem>();

  if (stores.length === 0) return <p>{m.noAvailable}</p>;

  const parsed = parseAmount(amountText, currency);
  const digits = minorDigits(currency);
  const problemFor = (field: ProblemField) => (problem?.field === field ? problem.message : undefined);
  const payout =
    quote && 'minor' in parsed ? convertMinor(parsed.minor, quote.from, quote.to, quote.rate) : null;

  /** Another store, currency or payout currency: the quote no longer applies. */
  const resetQuote = () => {
    setQuote(undefined);
    setProblem(undefined);
  };

  const getQuote = async () => {
    setBusy('quote');
    setProblem(undefined);
    try {
      setQuote(await requestQuote(storeId, currency));
    } catch (error) {
      const found = problemOf(error, m);
      setProblem({ ...found, field: found.field ?? 'quote' });
    } finally {
      setBusy(undefined);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!('minor' in parsed)) {
      setProblem({ field: 'amount', message: m.amountProblems[parsed.problem] });
      amountInput.current?.focus();
      return;
    }
    if (converting && !quote) {
      setProblem({ field: 'quote', message: m.quoteNeeded });
      return;
    }
    setBusy('withdraw');
    setProblem(undefined);
    try {
      const withdrawal = await requestWithdrawal(
        storeId,
        { minor: parsed.minor, currency },
        converting && quote ? quote.id : null,
      );
      setAmountText('');
      setQuote(undefined);
      onWithdrawn(withdrawal);
    } catch (error) {
      const found = problemOf(error, m);
      // A quote the server refused (expired, used) is no use any more: a new one must be asked for.
      if (found.field === 'quote') setQuote(undefined);
      setProblem(found);
      if (found.field === 'amount') amountInput.current?.focus();
    } finally {
      setBusy(undefined);
    }
  };

  const describedBy = (...parts: (string | false | undefined)[]) =>
    parts.filter(Boolean).join(' ') || undefined;

  return (
    <form className="money-form" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>{m.withdrawTitle}</h3>
      {problem && !problem.field && (
        <p role="alert" className="error">
          {problem.message}
        </p>
      )}
      <div className="money-form-row">
        <div className="field">
          <label htmlFor={id('store')}>{m.withdrawStore}</label>
          <select
            id={id('store')}
            value={storeId}
            aria-invalid={problemFor('store') ? true : undefined}
            aria-describedby={describedBy(problemFor('store') && id('store-problem'))}
            onChange={(event) => {
              setStoreId(event.target.value);
              resetQuote();
            }}
          >
            {stores.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          {problemFor('store') && (
            <p id={id('store-problem')} role="alert" className="error">
              {problemFor('store')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={id('currency')}>{m.currency}</label>
          <select
            id={id('currency')}
            value={currency}
            onChange={(event) => {
              setCurrency(event.target.value);
              resetQuote();
            }}
          >
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('amount')}>{m.amount}</label>
          <input
            ref={amountInput}
            id={id('amount')}
            type="text"
            inputMode={digits === 0 ? 'numeric' : 'decimal'}
            autoComplete="off"
            spellCheck={false}
            value={amountText}
            aria-invalid={problemFor('amount') ? true : undefined}
            aria-describedby={describedBy(id('amount-hint'), problemFor('amount') && id('amount-problem'))}
            onChange={(event) => {
              setAmountText(event.target.value);
              if (problem?.field === 'amount') setProblem(undefined);
            }}
          />
          <p id={id('amount-hint')} className="hint">
            {m.amountHint(currency, digits, formatMoney({ minor: available, currency }, locale))}
          </p>
          {problemFor('amount') && (
            <p id={id('amount-problem')} role="alert" className="error">
              {problemFor('amount')}
            </p>
          )}
        </div>
      </div>
      {currency !== CNY && (
        <fieldset className="money-choice">
          <legend>{m.payoutIn}</legend>
          <label>
            <input
              type="radio"
              name={id('payout')}
              checked={!toCny}
              onChange={() => {
                setToCny(false);
                resetQuote();
              }}
            />{' '}
            {m.payoutOriginal(currency)}
          </label>
          <label>
            <input
              type="radio"
              name={id('payout')}
              checked={toCny}
              onChange={() => {
                setToCny(true);
                resetQuote();
              }}
            />{' '}
            {m.payoutCny}
          </label>
        </fieldset>
      )}
      {converting && (
        <div className="money-quote" aria-live="polite">
          <button type="button" disabled={busy !== undefined} onClick={() => void getQuote()}>
            {busy === 'quote' ? m.gettingQuote : m.getQuote}
          </button>
          {problemFor('quote') && (
            <p role="alert" className="error">
              {problemFor('quote')}
            </p>
          )}
          {quote && (
            <div role="group" aria-labelledby={id('quote-title')} className="money-quote-box">
              <h4 id={id('quote-title')}>{m.quoteTitle}</h4>
              <dl className="money-facts">
                <div>
                  <dt>{m.quoteRateTerm}</dt>
                  <dd>{m.quoteRate(quote.from, quote.rate)}</dd>
                </div>
                <div>
                  <dt>{m.quotePayout}</dt>
                  <dd className="money-number">
                    {payout === null
                      ? m.quotePayoutPending
                      : formatMoney({ minor: payout, currency: quote.to }, locale)}
                  </dd>
                </div>
                <div>
                  <dt>{m.quoteRateAsOf}</dt>
                  <dd>
                    <Instant iso={quote.rateAsOf} utc />
                  </dd>
                </div>
                <div>
                  <dt>{m.quoteExpires}</dt>
                  <dd>
                    <Instant iso={quote.expiresAt} utc />
                  </dd>
                </div>
              </dl>
            </div>
          )}
        </div>
      )}
      <div className="money-actions">
        <button type="submit" className="button-primary" disabled={busy !== undefined}>
          {busy === 'withdraw' ? m.withdrawing : m.withdraw}
        </button>
      </div>
    </form>
  );
}
