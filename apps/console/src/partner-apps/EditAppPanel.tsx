import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { FieldProblem } from '../common/Field';
import { useCommonMessages } from '../common/messages';
import { ProblemAlert } from '../common/ProblemAlert';
import { NameField, RateLimitField, RedirectUrisField } from './AppFields';
import { checkSharedFields, inOrder, parseRateLimit, parseRedirectUris } from './app-form';
import { usePartnerAppsMessages } from './messages';
import { ScopeChoices, scopeInputId } from './ScopeChoices';
import { scopeAllowed, type ServerScopes } from './scopes';
import type { PartnerApp } from './types';
import { useAppFormProblems } from './useAppFormProblems';

const FIELDS = ['name', 'redirectUris', 'scopes', 'rateLimitPerMinute', 'disabled'] as const;
type Field = (typeof FIELDS)[number];

interface EditAppPanelProps {
  app: PartnerApp;
  scopes: readonly string[];
  server?: ServerScopes;
  onSaved: (app: PartnerApp) => void;
  onCancel: () => void;
}

/**
 * API-1: changes an app's name, redirect URIs, scopes or rate limit, or disables it (which ends
 * its grants and refresh tokens) or enables it again. One PATCH with an Idempotency-Key.
 */
export function EditAppPanel({ app, scopes, server, onSaved, onCancel }: EditAppPanelProps) {
  const { p, lang } = usePartnerAppsMessages();
  const c = useCommonMessages();
  const ids = useId();
  const id = (part: string) => `${ids}-${part}`;
  const heading = useRef<HTMLHeadingElement>(null);
  const [name, setName] = useState(app.name);
  const [redirects, setRedirects] = useState(app.redirectUris.join('\n'));
  const [chosen, setChosen] = useState<Set<string>>(new Set(app.scopes));
  const [rateLimit, setRateLimit] = useState(app.rateLimitPerMinute?.toString() ?? '');
  const [disabled, setDisabled] = useState(app.disabled);
  const [saving, setSaving] = useState(false);

  useEffect(() => heading.current?.focus(), []);

  const partner = app.kind === 'partner';
  const offered = scopes.filter((s) => scopeAllowed(app.kind, s, server));
  const problems = useAppFormProblems<Field>(FIELDS, {
    id,
    focusTarget: (field) => (field === 'scopes' ? scopeInputId(id('scopes'), offered[0] ?? '') : undefined),
  });
  const { problemFor, forget, bind } = problems;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const uris = partner ? parseRedirectUris(redirects) : [];
    const limit = parseRateLimit(rateLimit);
    const scopeList = inOrder(offered, chosen);
    const found = checkSharedFields(p, { name, partner, uris, scopes: scopeList, limit });
    if (!problems.passes(found) || limit === 'invalid') return;
    setSaving(true);
    problems.sending({ redirectUris: uris, scopes: scopeList });
    try {
      const saved = await api<PartnerApp>(`/v1/access/apps/${encodeURIComponent(app.clientId)}`, {
        method: 'PATCH',
        body: {
          name: name.trim(),
          ...(partner ? { redirectUris: uris } : {}),
          scopes: scopeList,
          rateLimitPerMinute: limit,
          disabled,
        },
      });
      onSaved(saved);
    } catch (error) {
      setSaving(false);
      problems.failed(error);
    }
  };

  return (
    <section className="app-panel" aria-labelledby={id('heading')}>
      <h2 id={id('heading')} ref={heading} tabIndex={-1}>
        {p.editHeading(app.name)}
      </h2>
      <p className="hint">
        {p.clientId}: <code>{app.clientId}</code> · {p.kindName[app.kind] ?? app.kind}
      </p>
      <form className="app-form" onSubmit={submit} noValidate aria-labelledby={id('heading')}>
        {problems.general !== undefined && <ProblemAlert error={problems.general} />}
        <NameField {...bind('name', name, setName)} />
        {partner && <RedirectUrisField {...bind('redirectUris', redirects, setRedirects)} />}
        <ScopeChoices
          id={id('scopes')}
          legend={p.scopes}
          hint={p.scopesHint(app.kind)}
          offered={offered}
          chosen={chosen}
          onChange={(next) => {
            setChosen(next);
            forget('scopes');
          }}
          problem={problemFor('scopes')}
          lang={lang}
          server={server}
        />
        <RateLimitField {...bind('rateLimitPerMinute', rateLimit, setRateLimit)} />
        <div className="check-field">
          <input
            type="checkbox"
            id={id('disabled')}
            checked={disabled}
            aria-describedby={
              problemFor('disabled')
                ? `${id('disabled-hint')} ${id('disabled-problem')}`
                : id('disabled-hint')
            }
            onChange={(event) => {
              setDisabled(event.target.checked);
              forget('disabled');
            }}
          />
          <label htmlFor={id('disabled')}>{p.disabledLabel}</label>
          <p id={id('disabled-hint')} className="hint">
            {p.disabledHint}
          </p>
          <FieldProblem id={id('disabled')} problem={problemFor('disabled')} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={saving}>
            {saving ? p.saving : p.save}
          </button>
          <button type="button" onClick={onCancel}>
            {c.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
