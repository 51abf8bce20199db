import type { Lang } from '../i18n/messages';
import { describeScope, type ServerScopes } from './scopes';

interface ScopeChoicesProps {
  /** Prefix of the checkboxes' ids (each form has its own). */
  id: string;
  legend: string;
  hint: string;
  /** The scopes offered, in order. */
  offered: readonly string[];
  chosen: ReadonlySet<string>;
  onChange: (chosen: Set<string>) => void;
  problem?: string;
  lang: Lang;
  server?: ServerScopes;
}

/** A scope's checkbox's id, to put focus on it. */
export const scopeInputId = (id: string, scope: string): string =>
  `${id}-${scope.replace(/[^a-z0-9-]/gi, '-')}`;

/** The scopes an app may hold, as checkboxes each with what it opens; a problem shown beside them. */
export function ScopeChoices({
  id,
  legend,
  hint,
  offered,
  chosen,
  onChange,
  problem,
  lang,
  server,
}: ScopeChoicesProps) {
  // A scope the app holds that is no longer offered (another kind's, say) stays visible to untick.
  const shown = offered.concat([...chosen].filter((s) => !offered.includes(s)));
  return (
    <fieldset
      className="scope-choices"
      aria-describedby={[`${id}-hint`, problem ? `${id}-problem` : ''].filter(Boolean).join(' ')}
      aria-invalid={problem ? true : undefined}
    >
      <legend>{legend}</legend>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      <ul>
        {shown.map((scope) => {
          const inputId = scopeInputId(id, scope);
          const description = describeScope(scope, lang, server);
          return (
            <li key={scope}>
              <input
                type="checkbox"
                id={inputId}
                value={scope}
                checked={chosen.has(scope)}
                aria-describedby={description ? `${inputId}-what` : undefined}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(scope);
                  else next.delete(scope);
                  onChange(next);
                }}
              />
              <label htmlFor={inputId}>
                <code>{scope}</code>
              </label>
              {description && (
                <span id={`${inputId}-what`} className="hint">
                  {description}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
