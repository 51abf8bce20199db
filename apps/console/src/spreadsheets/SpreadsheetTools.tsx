import { useId, useRef } from 'react';
import type { Query } from '../api/client';
import { useI18n } from '../i18n/useI18n';
import type { TabKey } from '../orders/tabs';
import { ExportButtons } from './ExportButtons';
import { fileProblemText } from './import-problems';
import { ImportPreview } from './ImportPreview';
import { useShipmentImport } from './useShipmentImport';

interface SpreadsheetToolsProps {
  tab: TabKey;
  query: Query;
  /** Says something in the orders page's status message (one live region for the page). */
  onAnnounce: (text: string) => void;
  /** Shipments were applied: reload the counts and the list. */
  onImported: () => void;
}

/** The orders page's spreadsheet work: export of the current tab, import of shipments with its preview. */
export function SpreadsheetTools({ tab, query, onAnnounce, onImported }: SpreadsheetToolsProps) {
  const { t } = useI18n();
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const { state, choose, apply, cancel, downloadFailures } = useShipmentImport({ onAnnounce, onImported });
  const applying = state.phase === 'preview' && state.stage === 'applying';

  const close = () => {
    cancel();
    // The same file chosen again is a new import.
    if (fileInput.current) fileInput.current.value = '';
    fileInput.current?.focus();
  };

  return (
    <>
      <div className="sheet-tools">
        <ExportButtons tab={tab} query={query} onAnnounce={onAnnounce} />
        <div className="field">
          <label htmlFor={`${ids}-import`}>{t.importShipments}</label>
          <input
            ref={fileInput}
            id={`${ids}-import`}
            type="file"
            accept=".xlsx,.csv"
            disabled={applying}
            aria-describedby={`${ids}-import-hint`}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) choose(file);
            }}
          />
          <p id={`${ids}-import-hint`} className="hint">
            {t.importHint}
          </p>
        </div>
      </div>
      {state.phase === 'reading' && <p className="hint">{t.importReading(state.fileName)}</p>}
      {state.phase === 'refused' && (
        <p role="alert" className="error">
          {state.fileName}: {fileProblemText(state.problem, t)}
        </p>
      )}
      {state.phase === 'preview' && (
        <ImportPreview
          key={state.run}
          fileName={state.fileName}
          sheet={state.sheet}
          results={state.results}
          stage={state.stage}
          onApply={apply}
          onDownloadFailures={downloadFailures}
          onClose={close}
        />
      )}
    </>
  );
}
