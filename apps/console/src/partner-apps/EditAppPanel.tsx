import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ProblemAlert } from '../common/ProblemAlert';
import { inOrder, MAX_REDIRECT_URIS, parseRateLimit, parseRedirectUris } from './app-form';
import { usePartnerAppsMessages } from './messages';
import { fieldProblem, firstProblemField, onlyFieldProblems } from './problems';
import { ScopeChoices } from './ScopeChoices';
import { scopeAllowed, type ServerScopes } from './scopes';
import type { PartnerApp } from './types';

const FIELDS = ['name', 'redirectUris', 'scopes', 'rateLimitPerMinute', 'disabled'] as const;
type Field = (typeof FIELDS)[number];
type Checks = Partial<Record<Field, string>>;

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
  const ids = useId();
  const id = (part: string) => `${ids}-${part}`;
  const heading = useRef<HTMLHeadingElement>(null);
  const [name, setName] = useState(app.name);
  const [redirects, setRedirects] = useState(app.redirectUris.join('\n'));
  const [chosen, setChosen] = useState<Set<string>>(new Set(app.scopes));
  const [rateLimit, setRateLimit] = useState(app.rateLimitPerMinute?.toString() ?? '');
  const [disabled, setDisabled] = useState(app.disabled);
  const [checks, setChecks] = useState<Checks>({});
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [sent, setSent] = useState<{ redirectUris: string[]; scopes: string[] }>({
    redirectUris: [],
    scopes: [],
  });

  useEffect(() => heading.current?.focus(), []);

  const partner = app.kind === 'partner';
  const offered = scopes.filter((s) => scopeAllowed(app.kind, s));
  const itemOf = (field: Field) =>
    field === 'redirectUris' || field === 'scopes' ? (i: number) => sent[field][i] ?? `#${i + 1}` : undefined;
  const problemFor = (field: Field): string | undefined =>
    checks[field] ?? fieldProblem(failure, field, itemOf(field));
  const forget = (field: Field) => {
    setChecks((before) => ({ ...before, [field]: undefined }));
    setFailure(undefined);
  };
  const describedBy = (field: Field, hint = true) =>
    [hint ? id(`${field}-hint`) : '', problemFor(field) ? id(`${field}-problem`) : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const focusField = (field: string | undefined) => {
    if (!field) return;
    const target =
      field === 'scopes' ? `${id('scopes')}-${(offered[0] ?? '').replace(/[^a-z0-9-]/gi, '-')}` : id(field);
    document.getElementById(target)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setFailure(undefined);
    const uris = partner ? parseRedirectUris(redirects) : [];
    const limit = parseRateLimit(rateLimit);
    const scopeList = inOrder(offered, chosen);
    const found: Checks = {};
    if (!name.trim()) found.name = p.nameRequired;
    if (partner && uris.length === 0) found.redirectUris = p.redirectUrisRequired;
    if (uris.length > MAX_REDIRECT_URIS) found.redirectUris = p.redirectUrisTooMany;
    if (scopeList.length === 0) found.scopes = p.scopesRequired;
    if (limit === 'invalid') found.rateLimitPerMinute = p.rateLimitInvalid;
    setChecks(found);
    const firstCheck = FIELDS.find((f) => found[f]);
    if (firstCheck || limit === 'invalid') {
      focusField(firstCheck);
      return;
    }
    setSaving(true);
    setSent({ redirectUris: uris, scopes: scopeList });
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
      setFailure(error);
      focusField(firstProblemField(error, FIELDS));
    }
  };

  const problem = (field: Field) =>
    problemFor(field) && (
      <p id={id(`${field}-problem`)} role="alert" className="error">
        {problemFor(field)}
      </p>
    );

  return (
    <section className="app-panel" aria-labelledby={id('heading')}>
      <h2 id={id('heading')} ref={heading} tabIndex={-1}>
        {p.editHeading(app.name)}
      </h2>
      <p className="hint">
        {p.clientId}: <code>{app.clientId}</code> · {p.kindName[app.kind] ?? app.kind}
      </p>
      <form className="app-form" onSubmit={submit} noValidate aria-labelledby={id('heading')}>
        {failure !== undefined && !onlyFieldProblems(failure, FIELDS) && <ProblemAlert error={failure} />}
        <div className="field">
          <label htmlFor={id('name')}>{p.name}</label>
          <input
            id={id('name')}
            type="text"
            value={name}
            required
            maxLength={100}
            aria-invalid={problemFor('name') ? true : undefined}
            aria-describedby={describedBy('name')}
            onChange={(event) => {
              setName(event.target.value);
              forget('name');
            }}
          />
          <p id={id('name-hint')} className="hint">
            {p.nameHint}
          </p>
          {problem('name')}
        </div>
        {partner && (
          <div className="field">
            <label htmlFor={id('redirectUris')}>{p.redirectUris}</label>
            <textarea
              id={id('redirectUris')}
              value={redirects}
              rows={3}
              required
              spellCheck={false}
              autoCapitalize="none"
              aria-invalid={problemFor('redirectUris') ? true : undefined}
              aria-describedby={describedBy('redirectUris')}
              onChange={(event) => {
                setRedirects(event.target.value);
                forget('redirectUris');
              }}
            />
            <p id={id('redirectUris-hint')} className="hint">
              {p.redirectUrisHint}
            </p>
            {problem('redirectUris')}
          </div>
        )}
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
        <div className="field">
          <label htmlFor={id('rateLimitPerMinute')}>{p.rateLimit}</label>
          <input
            id={id('rateLimitPerMinute')}
            type="text"
            inputMode="numeric"
            value={rateLimit}
            autoComplete="off"
            aria-invalid={problemFor('rateLimitPerMinute') ? true : undefined}
            aria-describedby={describedBy('rateLimitPerMinute')}
            onChange={(event) => {
              setRateLimit(event.target.value);
              forget('rateLimitPerMinute');
            }}
          />
          <p id={id('rateLimitPerMinute-hint')} className="hint">
            {p.rateLimitHint}
          </p>
          {problem('rateLimitPerMinute')}
        </div>
        <div className="check-field">
          <input
            type="checkbox"
            id={id('disabled')}
            checked={disabled}
            aria-describedby={describedBy('disabled')}
            onChange={(event) => {
              setDisabled(event.target.checked);
              forget('disabled');
            }}
          />
          <label htmlFor={id('disabled')}>{p.disabledLabel}</label>
          <p id={id('disabled-hint')} className="hint">
            {p.disabledHint}
          </p>
          {problem('disabled')}
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={saving}>
            {saving ? p.saving : p.save}
          </button>
          <button type="button" onClick={onCancel}>
            {p.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
