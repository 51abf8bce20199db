import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { formatMoney } from '../format/money';
import { Instant } from '../orders/Instant';
import { orderPath } from '../routing/paths';
import { Link } from '../routing/Link';
import type { SheetFormat } from '../spreadsheets/export-orders';
import { exportLedger } from './export-ledger';
import { rateOf, storeChanges } from './ledger-rows';
import { loadLedgerPage, type LedgerFilter, type StoreFilter } from './loaders';
import { LoadProblem } from '../common/LoadProblem';
import { labelOf } from '../common/messages';
import { useMoneyMessages } from './messages';
import { Section } from '../common/Section';
import type { LedgerEntry } from './types';
import { useCursorPages } from '../common/useCursorPages';

const PAGE_SIZE = 50;
const ORDER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface LedgerSectionProps {
  storeId: StoreFilter;
  reloadKey: number;
  /** Says something in the page's status message (one live region for the page). */
  onAnnounce: (text: string) => void;
}

/** SET-6: the store's ledger entries, newest first, a page at a time, by order too; exports. */
export function LedgerSection({ storeId, reloadKey, onAnnounce }: LedgerSectionProps) {
  const { m } = useMoneyMessages();
  const [orderId, setOrderId] = useState('');
  const filter: LedgerFilter = { storeId, orderId };
  const list = useCursorPages(`${storeId}|${orderId}|${reloadKey}`, (cursor, signal) =>
    loadLedgerPage(filter, PAGE_SIZE, cursor, signal),
  );
  return (
    <Section title={m.ledger} className="money-section">
      <p className="hint money-intro">{m.ledgerIntro}</p>
      <div className="money-toolbar">
        <OrderFilter orderId={orderId} onChange={setOrderId} />
        <LedgerExport filter={filter} onAnnounce={onAnnounce} />
      </div>
      {list.error !== undefined && <LoadProblem error={list.error} onRetry={list.retry} />}
      {list.started && list.items.length === 0 && list.error === undefined && <p>{m.noEntries}</p>}
      {list.items.length > 0 && <LedgerTable entries={list.items} />}
      {!list.started && list.loading && <p>{m.loading}</p>}
      {list.hasMore && (
        <button type="button" disabled={list.loading} onClick={list.loadMore}>
          {list.loading ? m.loading : m.loadMore}
        </button>
      )}
    </Section>
  );
}

/** One order's entries: a tradehub order id, applied on submit. */
function OrderFilter({ orderId, onChange }: { orderId: string; onChange: (orderId: string) => void }) {
  const { m } = useMoneyMessages();
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(orderId);
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = text.trim();
    if (typed !== '' && !ORDER_ID.test(typed)) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    setInvalid(false);
    onChange(typed.toLowerCase());
  };
  return (
    <form className="money-filter" role="search" aria-label={m.ledgerFilter} onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${ids}-order`}>{m.orderId}</label>
        <input
          ref={input}
          id={`${ids}-order`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={text}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${ids}-hint ${ids}-problem` : `${ids}-hint`}
          onChange={(event) => {
            setText(event.target.value);
            setInvalid(false);
          }}
        />
        <p id={`${ids}-hint`} className="hint">
          {m.orderIdHint}
        </p>
        {invalid && (
          <p id={`${ids}-problem`} role="alert" className="error">
            {m.orderIdInvalid}
          </p>
        )}
      </div>
      <button type="submit">{m.showEntries}</button>
      {orderId !== '' && (
        <button
          type="button"
          className="button-quiet"
          onClick={() => {
            setText('');
            setInvalid(false);
            onChange('');
          }}
        >
          {m.clearOrder}
        </button>
      )}
    </form>
  );
}

/** Export .xlsx and Export CSV of every entry under the section's filter. */
function LedgerExport({ filter, onAnnounce }: { filter: LedgerFilter; onAnnounce: (text: string) => void }) {
  const { m } = useMoneyMessages();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (format: SheetFormat) => {
    setBusy(true);
    setError(undefined);
    onAnnounce(m.exporting);
    try {
      onAnnounce(m.exported(await exportLedger(format, filter, m)));
    } catch (failure) {
      onAnnounce('');
      setError(failure instanceof ApiError ? failure.detail : m.unexpectedError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="money-export">
      <button type="button" disabled={busy} onClick={() => void run('xlsx')}>
        {m.exportXlsx}
      </button>
      <button type="button" disabled={busy} onClick={() => void run('csv')}>
        {m.exportCsv}
      </button>
      {error !== undefined && (
        <p role="alert" className="error">
          {m.exportFailed}: {error}
        </p>
      )}
    </div>
  );
}

function LedgerTable({ entries }: { entries: LedgerEntry[] }) {
  const { m, locale } = useMoneyMessages();
  return (
    <div className="money-table-wrap">
      <table className="money-table">
        <caption>{m.ledgerCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.colWhen}</th>
            <th scope="col">{m.colEntry}</th>
            <th scope="col">{m.colStore}</th>
            <th scope="col">{m.colOrder}</th>
            <th scope="col" className="money-number">
              {m.colFrozen}
            </th>
            <th scope="col" className="money-number">
              {m.colAvailable}
            </th>
            <th scope="col" className="money-number">
              {m.colInPayout}
            </th>
            <th scope="col">{m.colNote}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const changes = storeChanges(entry);
            const amount = (minor: string | null) =>
              minor === null ? '' : formatMoney({ minor, currency: entry.currency }, locale);
            const rate = rateOf(entry);
            return (
              <tr key={entry.id}>
                <td>
                  <Instant iso={entry.occurredAt} />
                </td>
                <th scope="row">
                  <span title={entry.kind}>{labelOf(m.entryKinds, entry.kind)}</span>
                  <span className="secondary money-block">#{entry.seq}</span>
                </th>
                <td>{entry.storeId ?? m.none}</td>
                <td>
                  {entry.orderId ? (
                    <Link href={orderPath(entry.orderId)} className="money-code">
                      {entry.orderId}
                    </Link>
                  ) : (
                    m.none
                  )}
                </td>
                <td className="money-number">{amount(changes.FROZEN)}</td>
                <td className="money-number">{amount(changes.AVAILABLE)}</td>
                <td className="money-number">{amount(changes.PAYOUT_IN_TRANSIT)}</td>
                <td>
                  {rate && <span className="money-block">{m.rateNote(rate)}</span>}
                  {entry.reversesEntryId && (
                    <span className="money-block">{m.reversesNote(entry.reversesEntryId)}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
