import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { exportSeries, type SeriesFormat } from './export-analysis';
import { useHealthMessages } from './messages';

/** Export .xlsx and Export CSV of the daily series the section shows (the server writes the file). */
export function ExportSeries({ storeId, to }: { storeId: string; to: string }) {
  const { h } = useHealthMessages();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string>();

  const run = async (format: SeriesFormat) => {
    setBusy(true);
    setError(undefined);
    setStatus(h.exporting);
    try {
      setStatus(h.exported(await exportSeries(format, storeId, to)));
    } catch (failure) {
      setStatus('');
      setError(failure instanceof ApiError ? failure.detail : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sheet-export health-export">
      <button type="button" disabled={busy} onClick={() => void run('xlsx')}>
        {h.exportXlsx}
      </button>
      <button type="button" disabled={busy} onClick={() => void run('csv')}>
        {h.exportCsv}
      </button>
      <p role="status" className="health-muted health-export-status">
        {status}
      </p>
      {error !== undefined && (
        <p role="alert" className="error">
          {h.exportFailed}: {error}
        </p>
      )}
    </div>
  );
}
