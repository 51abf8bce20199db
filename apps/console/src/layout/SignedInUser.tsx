import { useWhoami } from '../api/useWhoami';
import { useI18n } from '../i18n/useI18n';

/** The signed-in person's name (a platform operator has no staff account to name). */
export function SignedInUser() {
  const { t } = useI18n();
  const whoami = useWhoami();
  if (!whoami) return null;
  const name = whoami.kind === 'staff' ? whoami.me.displayName || whoami.me.username : t.platformOperator;
  return (
    <span className="user">
      <span className="visually-hidden">{t.signedInAs} </span>
      {name}
    </span>
  );
}
