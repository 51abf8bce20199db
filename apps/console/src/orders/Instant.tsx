import { formatLocalTime, formatUtcTime } from '../format/time';
import { useI18n } from '../i18n/useI18n';

/**
 * An instant in the reader's time zone, its UTC ISO form in the title; with `utc`, also in UTC
 * with the zone named (deadlines are stated in UTC by the rules).
 */
export function Instant({ iso, utc = false }: { iso: string; utc?: boolean }) {
  const { locale } = useI18n();
  return (
    <>
      <time dateTime={iso} title={iso}>
        {formatLocalTime(iso, locale)}
      </time>
      {utc && <span className="utc">{formatUtcTime(iso, locale)} UTC</span>}
    </>
  );
}
