import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ProblemAlert } from '../common/ProblemAlert';
import { CLIENT_ID_PATTERN, inOrder, MAX_REDIRECT_URIS, parseRateLimit, parseRedirectUris } from './app-form';
import { usePartnerAppsMessages } from './messages';
import { fieldProblem, firstProblemField, onlyFieldProblems } from './problems';
import { ScopeChoices } from './ScopeChoices';
import { scopeAllowed, type ServerScopes } from './scopes';
import type { RegisteredApp } from './types';

const FIELDS = ['clientId', 'name', 'kind', 'redirectUris', 'scopes', 'rateLimitPerMinute'] as const;
type Field = (typeof FIELDS)[number];
type Checks = Partial<Record<Field, string>>;

interface RegisterAppFormProps {
  scopes: readonly string[];
  server?: ServerScopes;
  onRegistered: (app: RegisteredApp) => void;
}

/**
 * API-1: registers a partner app (authorization code + PKCE, its redirect URIs) or a service
 * (client credentials), the scopes it may hold and its rate limit. The answer carries the client
 * secret, which the page shows once. Sent with an Idempotency-Key (api() adds it).
 */
export function RegisterAppForm({ scopes, server, onRegistered }: RegisterAppFormProps) {
  const { p, lang } = usePartnerAppsMessages();
  const ids = useId();
  const id = (part: string) => `${ids}-${part}`;
  const [clientId, setClientId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'partner' | 'service'>('partner');
  const [redirects, setRedirects] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [rateLimit, setRateLimit] = useState('');
  const [checks, setChecks] = useState<Checks>({});
  const [failure, setFailure] = useState<unknown>();
  // Registered before with the same details (a retry): no secret in the answer; says which app.
  const [already, setAlready] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  const offered = scopes.filter((s) => scopeAllowed(kind, s));
  // What was sent, to name the item a problem points at (`redirectUris[1]`, `scopes[0]`).
  const [sent, setSent] = useState<{ redirectUris: string[]; scopes: string[] }>({
    redirectUris: [],
    scopes: [],
  });
  const itemOf = (field: Field) =>
    field === 'redirectUris' || field === 'scopes' ? (i: number) => sent[field][i] ?? `#${i + 1}` : undefined;
  const problemFor = (field: Field): string | undefined =>
    checks[field] ?? fieldProblem(failure, field, itemOf(field));
  const forget = (field: Field) => {
    setChecks((before) => ({ ...before, [field]: undefined }));
    setFailure(undefined);
    setAlready(undefined);
  };
  const focusField = (field: string | undefined) => {
    if (!field) return;
    const target =
      field === 'kind'
        ? id(`kind-${kind}`)
        : field === 'scopes'
          ? `${id('scopes')}-${(offered[0] ?? '').replace(/[^a-z0-9-]/gi, '-')}`
          : id(field);
    document.getElementById(target)?.focus();
  };
  const describedBy = (field: Field, hint = true) =>
    [hint ? id(`${field}-hint`) : '', problemFor(field) ? id(`${field}-problem`) : '']
      .filter(Boolean)
      .join(' ') || undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setFailure(undefined);
    setAlready(undefined);
    const uris = kind === 'partner' ? parseRedirectUris(redirects) : [];
    const limit = parseRateLimit(rateLimit);
    const found: Checks = {};
    if (!CLIENT_ID_PATTERN.test(clientId.trim())) found.clientId = p.clientIdInvalid;
    if (!name.trim()) found.name = p.nameRequired;
    if (kind === 'partner' && uris.length === 0) found.redirectUris = p.redirectUrisRequired;
    if (uris.length > MAX_REDIRECT_URIS) found.redirectUris = p.redirectUrisTooMany;
    const scopeList = inOrder(offered, chosen).filter((s) => scopeAllowed(kind, s));
    if (scopeList.length === 0) found.scopes = p.scopesRequired;
    if (limit === 'invalid') found.rateLimitPerMinute = p.rateLimitInvalid;
    setChecks(found);
    const firstCheck = FIELDS.find((f) => found[f]);
    if (firstCheck || limit === 'invalid') {
      focusField(firstCheck);
      return;
    }
    setSubmitting(true);
    setSent({ redirectUris: uris, scopes: scopeList });
    try {
      const app = await api<RegisteredApp>('/v1/access/apps', {
        method: 'POST',
        body: {
          clientId: clientId.trim(),
          name: name.trim(),
          kind,
          redirectUris: uris,
          scopes: scopeList,
          rateLimitPerMinute: limit,
        },
      });
      setSubmitting(false);
      if (!app.clientSecret) setAlready(app.clientId);
      else {
        setClientId('');
        setName('');
        setRedirects('');
        setChosen(new Set());
        setRateLimit('');
      }
      onRegistered(app);
    } catch (error) {
      setSubmitting(false);
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
    <form className="app-form" onSubmit={submit} noValidate aria-labelledby={id('heading')}>
      <h2 id={id('heading')}>{p.registerHeading}</h2>
      {failure !== undefined && !onlyFieldProblems(failure, FIELDS) && <ProblemAlert error={failure} />}
      {already && (
        <p role="status" className="announcement">
          {p.alreadyRegistered(already)}
        </p>
      )}
      <div className="field">
        <label htmlFor={id('clientId')}>{p.clientId}</label>
        <input
          id={id('clientId')}
          type="text"
          value={clientId}
          required
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          maxLength={64}
          aria-invalid={problemFor('clientId') ? true : undefined}
          aria-describedby={describedBy('clientId')}
          onChange={(event) => {
            setClientId(event.target.value);
            forget('clientId');
          }}
        />
        <p id={id('clientId-hint')} className="hint">
          {p.clientIdHint}
        </p>
        {problem('clientId')}
      </div>
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
      <fieldset
        className="kind-choices"
        aria-invalid={problemFor('kind') ? true : undefined}
        aria-describedby={problemFor('kind') ? id('kind-problem') : undefined}
      >
        <legend>{p.grantType}</legend>
        {(['partner', 'service'] as const).map((k) => (
          <div className="kind-choice" key={k}>
            <input
              type="radio"
              id={id(`kind-${k}`)}
              name={id('kind')}
              value={k}
              checked={kind === k}
              aria-describedby={id(`kind-${k}-hint`)}
              onChange={() => {
                setKind(k);
                forget('kind');
                forget('redirectUris');
              }}
            />
            <label htmlFor={id(`kind-${k}`)}>{p.kindName[k]}</label>
            <span id={id(`kind-${k}-hint`)} className="hint">
              {p.kindHint[k]}
            </span>
          </div>
        ))}
        {problem('kind')}
      </fieldset>
      {kind === 'partner' ? (
        <div className="field">
          <label htmlFor={id('redirectUris')}>{p.redirectUris}</label>
          <textarea
            id={id('redirectUris')}
            value={redirects}
            rows={3}
            required
            spellCheck={false}
            autoCapitalize="none"
            placeholder="https://erp.example/oauth/callback"
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
      ) : (
        <p className="hint">{p.noRedirects}</p>
      )}
      <ScopeChoices
        id={id('scopes')}
        legend={p.scopes}
        hint={p.scopesHint(kind)}
        offered={offered}
        chosen={new Set([...chosen].filter((s) => scopeAllowed(kind, s)))}
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
      <button type="submit" className="button-primary" disabled={submitting}>
        {submitting ? p.registering : p.register}
      </button>
    </form>
  );
}
