import { useI18n } from '../i18n/useI18n';

/** The ORD-7 status's translated label (the shared one the orders list shows), its code in the title. */
export function StatusLabel({ status }: { status: string }) {
  const { t } = useI18n();
  return <span title={status}>{t.status[status] ?? status}</span>;
}
