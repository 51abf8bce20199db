import { useEffect } from 'react';
import { useI18n } from './useI18n';

/** Names the browser tab after the page, so screen readers and history say where one is. */
export function useDocumentTitle(page?: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = page ? `${page} · ${t.consoleTitle}` : t.consoleTitle;
  }, [page, t]);
}
