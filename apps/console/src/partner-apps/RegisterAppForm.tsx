import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { Field, FieldProblem } from '../common/Field';
import { ProblemAlert } from '../common/ProblemAlert';
import { NameField, RateLimitField, RedirectUrisField } from './AppFields';
import { checkSharedFields, CLIENT_ID_PATTERN, inOrder, parseRateLimit, parseRedirectUris } from './app-form';
import { usePartnerAppsMessages } from './messages';
import { ScopeChoices, scopeInputId } from './ScopeChoices';
import { scopeAllowed, type ServerScopes } from './scopes';
import type { RegisteredApp } from './types';
import { useAppFormProblems } from './useAppFormProblems';

const FIELDS = ['clientId', 'name', 'kind', 'redirectUris', 'scopes', 'rateLimitPerMinute'] as const;
type FieldName = (typeof FIELDS)[number];

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
  // Registered before with the same details (a retry): no secret in the answer; says which app.
  const [already, setAlready] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  const offered = scopes.filter((s) => scopeAllowed(kind, s, server));
  const problems = useAppFormProblems<FieldName>(FIELDS, {
    id,
    focusTarget: (field) =>
      field === 'kind'
        ? id(`kind-${kind}`)
        : field === 'scopes'
          ? scopeInputId(id('scopes'), offered[0] ?? '')
          : undefined,
    onForget: () => setAlready(undefined),
  });
  const { problemFor, forget, bind } = problems;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setAlready(undefined);
    const uris = kind === 'partner' ? parseRedirectUris(redirects) : [];
    const limit = parseRateLimit(rateLimit);
    const scopeList = inOrder(offered, chosen).filter((s) => scopeAllowed(kind, s, server));
    const found = {
      ...(CLIENT_ID_PATTERN.test(clientId.trim()) ? {} : { clientId: p.clientIdInvalid }),
      ...checkSharedFields(p, { name, partner: kind === 'partner', uris, scopes: scopeList, limit }),
    };
    if (!problems.passes(found) || limit === 'invalid') return;
    setSubmitting(true);
    problems.sending({ redirectUris: uris, scopes: scopeList });
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
      problems.failed(error);
    }
  };

  return (
    <form className="app-form" onSubmit={submit} noValidate aria-labelledby={id('heading')}>
      <h2 id={id('heading')}>{p.registerHeading}</h2>
      {problems.general !== undefined && <ProblemAlert error={problems.general} />}
      {already && (
        <p role="status" className="announcement">
          {p.alreadyRegistered(already)}
        </p>
      )}
      <Field id={id('clientId')} label={p.clientId} hint={p.clientIdHint} problem={problemFor('clientId')}>
        {(aria) => (
          <input
            {...aria}
            type="text"
            value={clientId}
            required
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            maxLength={64}
            onChange={(event) => {
              setClientId(event.target.value);
              forget('clientId');
            }}
          />
        )}
      </Field>
      <NameField {...bind('name', name, setName)} />
      {/* Not a required radiogroup like the decision forms': one kind is always chosen. */}
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
        <FieldProblem id={id('kind')} problem={problemFor('kind')} />
      </fieldset>
      {kind === 'partner' ? (
        <RedirectUrisField
          {...bind('redirectUris', redirects, setRedirects)}
          placeholder="https://erp.example/oauth/callback"
        />
      ) : (
        <p className="hint">{p.noRedirects}</p>
      )}
      <ScopeChoices
        id={id('scopes')}
        legend={p.scopes}
        hint={p.scopesHint(kind)}
        offered={offered}
        chosen={new Set([...chosen].filter((s) => scopeAllowed(kind, s, server)))}
        onChange={(next) => {
          setChosen(next);
          forget('scopes');
        }}
        problem={problemFor('scopes')}
        lang={lang}
        server={server}
      />
      <RateLimitField {...bind('rateLimitPerMinute', rateLimit, setRateLimit)} />
      <button type="submit" className="button-primary" disabled={submitting}>
        {submitting ? p.registering : p.register}
      </button>
    </form>
  );
}
