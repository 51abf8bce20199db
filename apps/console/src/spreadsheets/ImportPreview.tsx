import { useEffect, useId, useRef } from 'react';
import { ScrollTable } from '../common/ScrollTable';
import { useI18n } from '../i18n/useI18n';
import type { Messages } from '../i18n/messages';
import { rowProblemText } from './import-problems';
import type { ShipmentSheet } from './shipment-rows';
import { count, type RowResult } from './row-results';
import type { PreviewStage } from './useShipmentImport';

interface ImportPreviewProps {
  fileName: string;
  sheet: ShipmentSheet;
  results: RowResult[];
  stage: PreviewStage;
  onApply: () => void;
  onDownloadFailures: () => void;
  onClose: () => void;
}

function resultText(result: RowResult, t: Messages): string {
  switch (result.state) {
    case 'checking':
      return t.resultChecking;
    case 'ready':
      return t.resultReady;
    case 'shipped':
      return t.resultShipped;
    case 'failed':
      return t.resultFailed(rowProblemText(result.problem, t));
  }
}

/**
 * Every row of the file with what the server says of it, before anything is applied and after.
 * Results are words ("Ready", "Failed: …"); colour only repeats them. The heading takes focus
 * when the preview appears (and again once applied, as the Apply button leaves).
 */
export function ImportPreview(props: ImportPreviewProps) {
  const { fileName, sheet, results, stage, onApply, onDownloadFailures, onClose } = props;
  const { t } = useI18n();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const applied = stage === 'applied';

  useEffect(() => {
    if (stage === 'checking' || applied) heading.current?.focus();
  }, [stage, applied]);

  const rows = results.length;
  const failed = count(results, 'failed');
  const ready = count(results, 'ready');
  const summary =
    stage === 'checking'
      ? t.importChecking(rows)
      : applied
        ? t.importSummaryApplied(rows, count(results, 'shipped'), failed)
        : t.importSummaryChecked(rows, ready, failed);

  return (
    <section className="import-preview" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t.importPreview}
      </h2>
      {/* Polite, and busy while the server works: read out once the results are in. */}
      <p
        className="import-summary"
        aria-live="polite"
        aria-busy={stage === 'checking' || stage === 'applying'}
      >
        {summary}
      </p>
      <div className="import-actions">
        {!applied && (
          <button
            type="button"
            className="button-primary"
            disabled={stage !== 'checked' || ready === 0}
            onClick={onApply}
          >
            {stage === 'applying' ? t.importApplying : t.applyShipments(ready)}
          </button>
        )}
        <button
          type="button"
          disabled={failed === 0 || stage === 'checking' || stage === 'applying'}
          onClick={onDownloadFailures}
        >
          {t.downloadFailureReport}
        </button>
        <button type="button" className="button-quiet" disabled={stage === 'applying'} onClick={onClose}>
          {applied ? t.close : t.cancel}
        </button>
      </div>
      {/* Scrolls on its own (up to 1,000 rows). */}
      <ScrollTable className="import-table" caption={t.importCaption(fileName)}>
        <thead>
          <tr>
            <th scope="col">{t.colRow}</th>
            <th scope="col">{t.sheetColumns.orderId}</th>
            <th scope="col">{t.sheetColumns.carrier}</th>
            <th scope="col">{t.sheetColumns.trackingNumber}</th>
            <th scope="col">{t.colResult}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row, index) => {
            const result = results[index];
            return (
              <tr key={row.rowNumber}>
                <th scope="row">{row.rowNumber}</th>
                <td className="order-id">{row.item.orderId}</td>
                <td>{row.item.carrierCode}</td>
                <td>{row.item.trackingNumber}</td>
                <td className={`import-result ${result.state}`}>{resultText(result, t)}</td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
    </section>
  );
}
