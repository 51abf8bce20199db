import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { Field } from '../common/Field';
import { ListFooter } from '../common/ListFooter';
import { shortId, useCommonMessages } from '../common/messages';
import { NotYourPage } from '../common/NotYourPage';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { useIsPlatformOperator } from '../layout/useIsPlatformOperator';
import { useFakeShipmentMessages } from './messages';
import { SellerAccount } from './SellerAccount';
import type { PenaltyCase, SellerPenalties } from '../health/types';
import type { AppealOutcome } from './types';
import { usePenalties } from './usePenalties';
import './fake-shipments.css';

/** The store ids the API takes (ListPenaltiesRequest). */
const STORE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** The last decision, for the status line (worded in whichever language is chosen later). */
interface Decided {
  caseId: string;
  outcome: AppealOutcome;
  account: SellerPenalties;
}

/**
 * The operators' fake-shipment cases and appeals (FUL-6, CMP-4): every seller account with its
 * penalty points, counted cases and closure, and each case with its references; a counted case
 * takes an appeal decision (REVERSED takes its points out and may reopen the account, UPHELD is
 * recorded). Optionally narrowed to one store's seller. Seller staff are told it is not theirs.
 */
export function FakeShipmentsPage() {
  const { f } = useFakeShipmentMessages();
  const c = useCommonMessages();
  useDocumentTitle(f.title);
  const operator = useIsPlatformOperator();
  const [draft, setDraft] = useState('');
  const [storeId, setStoreId] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [decided, setDecided] = useState<Decided>();
  const list = usePenalties(operator ? storeId : null);

  if (operator === false) return <NotYourPage title={f.title} who={f.operatorsOnly} />;

  const show = (next: string) => {
    setDecided(undefined);
    setStoreId(next);
  };

  const filter = (event: FormEvent) => {
    event.preventDefault();
    const wanted = draft.trim();
    const bad = wanted !== '' && !STORE_ID.test(wanted);
    setInvalid(bad);
    if (bad) document.getElementById('penalties-store')?.focus();
    else show(wanted);
  };

  const onDecided = (account: SellerPenalties, penaltyCase: PenaltyCase, outcome: AppealOutcome) => {
    list.replace(account);
    setDecided({ caseId: penaltyCase.caseId, outcome, account });
  };

  // The API's refusal of the store id belongs beside the field, not in place of the list.
  const storeRefused = list.error instanceof ApiError ? list.error.messageFor('storeId') : undefined;
  const storeProblem = invalid ? f.storeInvalid : storeRefused;

  return (
    <>
      <h1>{f.title}</h1>
      <p className="hint penalties-intro">{f.intro}</p>
      <form className="filters" onSubmit={filter} noValidate>
        <Field id="penalties-store" label={c.store} hint={f.storeHint} problem={storeProblem}>
          {(aria) => (
            <input
              {...aria}
              type="search"
              value={draft}
              placeholder={f.storePlaceholder}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => {
                setDraft(event.target.value);
                setInvalid(false);
              }}
            />
          )}
        </Field>
        <div className="penalties-filter-actions">
          <button type="submit">{f.apply}</button>
          {storeId !== '' && (
            <button
              type="button"
              className="button-quiet"
              onClick={() => {
                setDraft('');
                setInvalid(false);
                show('');
              }}
            >
              {f.clear}
            </button>
          )}
        </div>
      </form>
      <p role="status" className="announcement">
        {decided
          ? f.decided(
              shortId(decided.caseId),
              decided.outcome,
              decided.account.sellerId,
              decided.account.points,
              decided.account.closed,
            )
          : ''}
      </p>
      <div className="penalty-accounts" aria-busy={list.loading}>
        {list.items.map((account) => (
          <SellerAccount key={account.sellerId} account={account} onDecided={onDecided} />
        ))}
      </div>
      {/* A refused store id is told beside the field: the footer has nothing to add then. */}
      {!storeRefused && (
        <ListFooter
          list={list}
          className="penalties-note"
          empty={storeId ? f.noSellersOfStore(storeId) : f.noSellers}
          failed={f.loadFailed}
        />
      )}
    </>
  );
}
