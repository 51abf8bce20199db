import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { useI18n } from '../i18n/useI18n';
import { matchesTrackingPattern } from './tracking-pattern';
import { useCarriers } from './useCarriers';

interface ShipDialogProps {
  orderId: string;
  /** Closed without shipping (Cancel, Escape). */
  onClose: () => void;
  /** The server confirmed the shipment. */
  onShipped: (orderId: string) => void;
}

/** Where a problem answer's `field` puts its message: beside that input, or at the top. */
type FieldName = 'carrierCode' | 'trackingNumber';

/**
 * FUL-1, FUL-2: confirm shipment of the whole order with an approved carrier and a tracking
 * number. A native modal <dialog>: the page behind is inert, focus stays inside and Escape closes
 * it. The number is checked against the carrier's pattern while it is typed; the server checks it
 * again and its problem answer is shown beside the field it names.
 */
export function ShipDialog({ orderId, onClose, onShipped }: ShipDialogProps) {
  const { t } = useI18n();
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const { carriers, error: carriersError } = useCarriers();
  const [carrierCode, setCarrierCode] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<{ field?: FieldName; message: string }>();

  // Opened once mounted; unmounting removes it from the top layer, so there is nothing to undo.
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  useEffect(() => {
    if (carriers?.length && !carrierCode) setCarrierCode(carriers[0].code);
  }, [carriers, carrierCode]);

  const carrier = carriers?.find((c) => c.code === carrierCode);
  const typed = trackingNumber.trim() !== '';
  const matches = carrier ? matchesTrackingPattern(carrier.trackingPattern, trackingNumber) : false;
  const mismatch = carrier !== undefined && typed && !matches;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!carrier || !matches || submitting) return;
    setSubmitting(true);
    setProblem(undefined);
    try {
      await api(`/v1/orders/${encodeURIComponent(orderId)}/shipments`, {
        method: 'POST',
        body: { carrierCode: carrier.code, trackingNumber: trackingNumber.trim() },
      });
      onShipped(orderId);
    } catch (error) {
      setSubmitting(false);
      if (error instanceof ApiError) {
        const field =
          error.field === 'carrierCode' || error.field === 'trackingNumber' ? error.field : undefined;
        setProblem({ field, message: error.detail });
      } else setProblem({ message: t.unexpectedError });
    }
  };

  const id = (part: string) => `${ids}-${part}`;
  const problemFor = (field: FieldName) => (problem?.field === field ? problem.message : undefined);
  const trackingDescribedBy = [
    id('tracking-hint'),
    mismatch ? id('tracking-mismatch') : '',
    problemFor('trackingNumber') ? id('tracking-problem') : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={id('title')}
      // Escape (the cancel event) closes the dialog; the parent then unmounts it.
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={id('title')}>{t.confirmShipment}</h2>
        <p>
          {t.orderLabel} <span className="order-id">{orderId}</span>
        </p>
        {problem && !problem.field && (
          <p role="alert" className="error">
            {problem.message}
          </p>
        )}
        {carriersError !== undefined && (
          <p role="alert" className="error">
            {carriersError instanceof ApiError ? carriersError.detail : t.unexpectedError}
          </p>
        )}
        <div className="field">
          <label htmlFor={id('carrier')}>{t.carrier}</label>
          <select
            id={id('carrier')}
            value={carrierCode}
            disabled={!carriers}
            aria-invalid={problemFor('carrierCode') ? true : undefined}
            aria-describedby={problemFor('carrierCode') ? id('carrier-problem') : undefined}
            onChange={(event) => {
              setCarrierCode(event.target.value);
              if (problem?.field) setProblem(undefined);
            }}
          >
            {!carriers && <option value="">{t.loadingCarriers}</option>}
            {carriers?.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          {problemFor('carrierCode') && (
            <p id={id('carrier-problem')} role="alert" className="error">
              {problemFor('carrierCode')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={id('tracking')}>{t.trackingNumber}</label>
          <input
            id={id('tracking')}
            type="text"
            value={trackingNumber}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            aria-invalid={mismatch || problemFor('trackingNumber') ? true : undefined}
            aria-describedby={trackingDescribedBy}
            onChange={(event) => {
              setTrackingNumber(event.target.value);
              if (problem?.field) setProblem(undefined);
            }}
          />
          <p id={id('tracking-hint')} className="hint">
            {t.trackingHint}
          </p>
          {mismatch && carrier && (
            <p id={id('tracking-mismatch')} className="error">
              {t.patternMismatch(carrier.trackingPattern)}
            </p>
          )}
          {problemFor('trackingNumber') && (
            <p id={id('tracking-problem')} role="alert" className="error">
              {problemFor('trackingNumber')}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button-quiet" onClick={() => dialog.current?.close()}>
            {t.cancel}
          </button>
          <button type="submit" className="button-primary" disabled={!matches || submitting}>
            {t.confirmShipment}
          </button>
        </div>
      </form>
    </dialog>
  );
}
