import { formatLocalTime, formatUtcTime } from '../format/time';
import { useI18n } from '../i18n/useI18n';

/** An instant in the viewer's time zone; the same instant in UTC on hover (its title). */
export function When({ iso }: { iso: string }) {
  const { locale } = useI18n();
  return (
    <time dateTime={iso} title={`${formatUtcTime(iso, locale)} UTC`}>
      {formatLocalTime(iso, locale)}
    </time>
  );
}
