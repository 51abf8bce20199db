import { useState } from 'react';
import { ApiError } from '../api/api-error';
import type { Query } from '../api/client';
import { useI18n } from '../i18n/useI18n';
import type { TabKey } from '../orders/tabs';
import { exportOrders, type SheetFormat } from './export-orders';

interface ExportButtonsProps {
  tab: TabKey;
  /** The list's own query (tab and filters), so the file holds what the list shows. */
  query: Query;
  onAnnounce: (text: string) => void;
}

/** Export .xlsx and Export CSV of the current tab, every page of it. */
export function ExportButtons({ tab, query, onAnnounce }: ExportButtonsProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (format: SheetFormat) => {
    setBusy(true);
    setError(undefined);
    onAnnounce(t.exporting);
    try {
      onAnnounce(t.exported(await exportOrders(format, tab, query, t)));
    } catch (failure) {
      onAnnounce('');
      setError(failure instanceof ApiError ? failure.detail : t.unexpectedError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sheet-export">
      <button type="button" disabled={busy} onClick={() => void run('xlsx')}>
        {t.exportXlsx}
      </button>
      <button type="button" disabled={busy} onClick={() => void run('csv')}>
        {t.exportCsv}
      </button>
      {error !== undefined && (
        <p role="alert" className="error">
          {t.exportFailed}: {error}
        </p>
      )}
    </div>
  );
}
