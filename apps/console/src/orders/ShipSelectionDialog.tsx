import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import type { Order } from '../api/types';
import { useI18n } from '../i18n/useI18n';
import { rowProblemText } from '../spreadsheets/import-problems';
import { sendShipmentBatches } from '../spreadsheets/shipment-batch';
import { matchesTrackingPattern } from './tracking-pattern';
import { useCarriers } from './useCarriers';

interface ShipSelectionDialogProps {
  /** The selected orders when the dialog opened; each gets its own row. */
  orders: readonly Order[];
  /** Closed (Cancel, Escape). */
  onClose: () => void;
  /** A send finished: the ids the server shipped, out of how many were sent. */
  onSent: (shippedIds: string[], sent: number) => void;
}

type RowResult = { state: 'shipped' } | { state: 'failed'; detail: string };

interface Row {
  order: Order;
  carrierCode: string;
  trackingNumber: string;
  result?: RowResult;
}

/**
 * FUL-1, FUL-2 for many orders at once: a carrier and tracking number per selected order (each
 * checked against its carrier's pattern while typed), sent as POST /v1/shipments/batch. Every
 * row shows what became of it; shipped rows are done, failed ones stay to be fixed and sent again.
 */
export function ShipSelectionDialog({ orders, onClose, onSent }: ShipSelectionDialogProps) {
  const { t } = useI18n();
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const { carriers, error: carriersError } = useCarriers();
  const [rows, setRows] = useState<Row[]>(() =>
    orders.map((order) => ({ order, carrierCode: '', trackingNumber: '' })),
  );
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string>();
  /** The row whose tracking number gets focus once rendered (enabled again) after a send. */
  const [focusRow, setFocusRow] = useState<string>();

  useEffect(() => {
    if (!focusRow) return;
    table.current?.querySelector<HTMLInputElement>(`[data-tracking-for="${focusRow}"]`)?.focus();
    setFocusRow(undefined);
  }, [focusRow]);

  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  // Every row starts with the first carrier, as the single ship dialog does.
  useEffect(() => {
    if (carriers?.length)
      setRows((current) =>
        current.map((row) => (row.carrierCode ? row : { ...row, carrierCode: carriers[0].code })),
      );
  }, [carriers]);

  const pending = rows.filter((row) => row.result?.state !== 'shipped');
  const carrierOf = (row: Row) => carriers?.find((c) => c.code === row.carrierCode);
  const matches = (row: Row) => {
    const carrier = carrierOf(row);
    return carrier ? matchesTrackingPattern(carrier.trackingPattern, row.trackingNumber) : false;
  };
  const ready = pending.length > 0 && pending.every(matches);
  const commonCarrier = pending.every((row) => row.carrierCode === pending[0]?.carrierCode)
    ? (pending[0]?.carrierCode ?? '')
    : '';

  const edit = (orderId: string, change: Partial<Row>) =>
    setRows((current) =>
      current.map((row) => (row.order.id === orderId ? { ...row, ...change, result: undefined } : row)),
    );
  const setCarrierForAll = (carrierCode: string) => {
    if (!carrierCode) return;
    setRows((current) =>
      current.map((row) =>
        row.result?.state === 'shipped' ? row : { ...row, carrierCode, result: undefined },
      ),
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || submitting) return;
    setSubmitting(true);
    setFailure(undefined);
    const sent = pending;
    try {
      const outcomes = await sendShipmentBatches(
        sent.map((row) => ({
          orderId: row.order.id,
          carrierCode: row.carrierCode,
          trackingNumber: row.trackingNumber.trim(),
        })),
        false,
      );
      const results = new Map<string, RowResult>(
        sent.map((row, i) => {
          const outcome = outcomes[i];
          return [
            row.order.id,
            outcome.ok
              ? { state: 'shipped' }
              : { state: 'failed', detail: rowProblemText(outcome.problem, t) },
          ];
        }),
      );
      setRows((current) =>
        current.map((row) => ({ ...row, result: results.get(row.order.id) ?? row.result })),
      );
      setSubmitting(false);
      const shippedIds = sent
        .filter((row) => results.get(row.order.id)?.state === 'shipped')
        .map((row) => row.order.id);
      // Focus the first row left to fix, so the keyboard is where the work is.
      setFocusRow(sent.find((row) => results.get(row.order.id)?.state === 'failed')?.order.id);
      onSent(shippedIds, sent.length);
    } catch (error) {
      setSubmitting(false);
      setFailure(error instanceof ApiError ? error.detail : t.unexpectedError);
    }
  };

  const id = (part: string) => `${ids}-${part}`;
  return (
    <dialog ref={dialog} className="dialog dialog-wide" aria-labelledby={id('title')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={id('title')}>{t.shipOrders(orders.length)}</h2>
        {failure && (
          <p role="alert" className="error">
            {failure}
          </p>
        )}
        {carriersError !== undefined && (
          <p role="alert" className="error">
            {carriersError instanceof ApiError ? carriersError.detail : t.unexpectedError}
          </p>
        )}
        <div className="field">
          <label htmlFor={id('carrier-all')}>{t.carrierForAll}</label>
          <select
            id={id('carrier-all')}
            value={commonCarrier}
            disabled={!carriers || pending.length === 0 || submitting}
            onChange={(event) => setCarrierForAll(event.target.value)}
          >
            <option value="">{carriers ? t.chooseCarrier : t.loadingCarriers}</option>
            {carriers?.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <p id={id('hint')} className="hint">
          {t.trackingHint}
        </p>
        <div className="ship-selection-table">
          <table ref={table}>
            <thead>
              <tr>
                <th scope="col">{t.colOrder}</th>
                <th scope="col">{t.colStore}</th>
                <th scope="col">{t.carrier}</th>
                <th scope="col">{t.trackingNumber}</th>
                <th scope="col">{t.colResult}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const shownId = row.order.marketplaceOrderId || row.order.id;
                const carrier = carrierOf(row);
                const done = row.result?.state === 'shipped';
                const typed = row.trackingNumber.trim() !== '';
                const mismatch = carrier !== undefined && typed && !matches(row);
                const rowId = (part: string) => id(`${row.order.id}-${part}`);
                const describedBy = [
                  id('hint'),
                  mismatch ? rowId('mismatch') : '',
                  row.result ? rowId('result') : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <tr key={row.order.id}>
                    <th scope="row">
                      {shownId}
                      {shownId !== row.order.id && <span className="order-id">{row.order.id}</span>}
                    </th>
                    <td>{row.order.storeId}</td>
                    <td>
                      <select
                        value={row.carrierCode}
                        aria-label={t.carrierFor(shownId)}
                        disabled={!carriers || done || submitting}
                        onChange={(event) => edit(row.order.id, { carrierCode: event.target.value })}
                      >
                        {!carriers && <option value="">{t.loadingCarriers}</option>}
                        {carriers?.map((c) => (
                          <option key={c.code} value={c.code}>
                            {c.name}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        type="text"
                        value={row.trackingNumber}
                        data-tracking-for={row.order.id}
                        aria-label={t.trackingNumberFor(shownId)}
                        aria-invalid={mismatch || row.result?.state === 'failed' ? true : undefined}
                        aria-describedby={describedBy}
                        autoComplete="off"
                        spellCheck={false}
                        autoCapitalize="characters"
                        disabled={done || submitting}
                        onChange={(event) => edit(row.order.id, { trackingNumber: event.target.value })}
                      />
                      {mismatch && carrier && (
                        <p id={rowId('mismatch')} className="error">
                          {t.patternMismatch(carrier.trackingPattern)}
                        </p>
                      )}
                    </td>
                    <td id={rowId('result')} className={row.result?.state === 'failed' ? 'error' : undefined}>
                      {row.result?.state === 'shipped' && t.resultShipped}
                      {row.result?.state === 'failed' && t.resultFailed(row.result.detail)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button-quiet" onClick={() => dialog.current?.close()}>
            {pending.length === 0 ? t.close : t.cancel}
          </button>
          <button type="submit" className="button-primary" disabled={!ready || submitting}>
            {submitting ? t.sendingShipments : t.confirmShipments(pending.length)}
          </button>
        </div>
      </form>
    </dialog>
  );
}
