import { Field } from '../common/Field';
import { usePartnerAppsMessages } from './messages';

/** One of the fields the register and edit forms share. */
interface AppFieldProps {
  /** The control's id (its hint and problem follow it). */
  id: string;
  value: string;
  problem: string | undefined;
  onChange: (value: string) => void;
}

/** The app's name as sellers see it on the consent screen. */
export function NameField({ id, value, problem, onChange }: AppFieldProps) {
  const { p } = usePartnerAppsMessages();
  return (
    <Field id={id} label={p.name} hint={p.nameHint} problem={problem}>
      {(aria) => (
        <input
          {...aria}
          type="text"
          value={value}
          required
          maxLength={100}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** A partner app's redirect URIs, one a line (a service has none). */
export function RedirectUrisField({ placeholder, ...props }: AppFieldProps & { placeholder?: string }) {
  const { id, value, problem, onChange } = props;
  const { p } = usePartnerAppsMessages();
  return (
    <Field id={id} label={p.redirectUris} hint={p.redirectUrisHint} problem={problem}>
      {(aria) => (
        <textarea
          {...aria}
          value={value}
          rows={3}
          required
          spellCheck={false}
          autoCapitalize="none"
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** The app's calls a minute; empty for the deployment's default. */
export function RateLimitField({ id, value, problem, onChange }: AppFieldProps) {
  const { p } = usePartnerAppsMessages();
  return (
    <Field id={id} label={p.rateLimit} hint={p.rateLimitHint} problem={problem}>
      {(aria) => (
        <input
          {...aria}
          type="text"
          inputMode="numeric"
          value={value}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
