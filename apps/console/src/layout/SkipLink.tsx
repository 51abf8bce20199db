import { useI18n } from '../i18n/useI18n';

export function SkipLink() {
  const { t } = useI18n();
  return (
    <a className="skip-link" href="#content">
      {t.skipToContent}
    </a>
  );
}
