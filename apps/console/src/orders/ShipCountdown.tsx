import { countdown } from '../format/countdown';
import { useI18n } from '../i18n/useI18n';
import { useNow } from '../time/useNow';

/** Live time left to ship (or how late it is), ticking every second. */
export function ShipCountdown({ deadline }: { deadline: string }) {
  const { t } = useI18n();
  const left = countdown(Date.parse(deadline), useNow());
  return left.overdue ? (
    <span className="countdown overdue">{t.overdueBy(left.hours, left.minutes)}</span>
  ) : (
    <span className="countdown">{t.left(left.days, left.clock)}</span>
  );
}
