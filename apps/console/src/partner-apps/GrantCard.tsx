import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ProblemAlert } from '../common/ProblemAlert';
import { useCommonMessages } from '../common/messages';
import { ConfirmStep } from './ConfirmStep';
import { usePartnerAppsMessages } from './messages';
import { fieldProblem, onlyFieldProblems } from './problems';
import { describeScope } from './scopes';
import type { AppGrant } from './types';
import { When } from './When';

interface GrantCardProps {
  grant: AppGrant;
  /** The signed-in admin's staff id, to say "you" for their own consent. */
  myId?: string;
  onChanged: (grant: AppGrant, what: 'narrowed' | 'revoked') => void;
}

/**
 * One app's access to the organisation (API-1): the stores and main accounts it covers, its
 * scopes, when and by whom it was granted; narrowed (fewer stores) or revoked, each applying to
 * the app's next call. Revoking asks for confirmation first.
 */
export function GrantCard({ grant, myId, onChanged }: GrantCardProps) {
  const { p, lang } = usePartnerAppsMessages();
  const c = useCommonMessages();
  const ids = useId();
  const id = (part: string) => `${ids}-${part}`;
  const [mode, setMode] = useState<'narrow' | 'revoke'>();
  const opener = useRef<HTMLButtonElement | null>(null);
  const live = grant.active && grant.revokedAt === null;

  const close = () => {
    setMode(undefined);
    requestAnimationFrame(() => opener.current?.focus());
  };

  const list = (items: string[]) =>
    items.length ? (
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item}>
            <code>{item}</code>
          </li>
        ))}
      </ul>
    ) : (
      p.noneChosen
    );

  return (
    <article className={live ? 'grant-card' : 'grant-card ended'} aria-labelledby={id('heading')}>
      <h2 id={id('heading')}>{grant.appName}</h2>
      <dl className="grant-facts">
        <dt>{p.clientIdLabel}</dt>
        <dd>
          <code>{grant.clientId}</code>
        </dd>
        <dt>{p.stores}</dt>
        <dd>{list(grant.storeIds)}</dd>
        <dt>{p.mainAccounts}</dt>
        <dd>{list(grant.mainAccountIds)}</dd>
        <dt>{p.grantScopes}</dt>
        <dd>
          <ul className="plain-list">
            {grant.scopes.map((s) => (
              <li key={s}>
                <code>{s}</code>
                {describeScope(s, lang) && <span className="secondary"> {describeScope(s, lang)}</span>}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{p.grantedAt}</dt>
        <dd>
          <When iso={grant.createdAt} />
        </dd>
        <dt>{p.grantedBy}</dt>
        <dd>{grant.grantedBy === myId ? p.you(grant.grantedBy) : grant.grantedBy || c.none}</dd>
        <dt>{p.status}</dt>
        <dd>
          {grant.revokedAt ? (
            <span className="grant-status off">
              {p.revokedAt} <When iso={grant.revokedAt} />
            </span>
          ) : grant.active ? (
            <span className="grant-status on">{p.active}</span>
          ) : (
            <span className="grant-status off">{p.ended}</span>
          )}
        </dd>
      </dl>
      {live && mode === undefined && (
        <div className="form-actions">
          <button
            type="button"
            onClick={(event) => {
              opener.current = event.currentTarget;
              setMode('narrow');
            }}
          >
            {p.narrow}
          </button>
          <button
            type="button"
            className="button-danger"
            aria-label={p.revokeApp(grant.appName)}
            onClick={(event) => {
              opener.current = event.currentTarget;
              setMode('revoke');
            }}
          >
            {p.revoke}
          </button>
        </div>
      )}
      {live && mode === 'narrow' && (
        <NarrowForm
          grant={grant}
          onCancel={close}
          onNarrowed={(g) => {
            setMode(undefined);
            onChanged(g, 'narrowed');
          }}
        />
      )}
      {live && mode === 'revoke' && (
        // DELETE: the app's tokens are refused from its next call.
        <ConfirmStep
          className="confirm-panel"
          level={3}
          heading={p.revokeHeading(grant.appName)}
          warning={p.revokeWarning}
          confirm={p.revokeConfirm}
          busy={p.revoking}
          act={() =>
            api<AppGrant>(`/v1/access/grants/${encodeURIComponent(grant.grantId)}`, { method: 'DELETE' })
          }
          onCancel={close}
          onDone={(g) => {
            setMode(undefined);
            onChanged(g, 'revoked');
          }}
        />
      )}
    </article>
  );
}

const NARROW_FIELDS = ['storeIds', 'mainAccountIds'];

/** PATCH: the stores and main accounts the grant keeps, chosen among those it covers now. */
function NarrowForm({
  grant,
  onCancel,
  onNarrowed,
}: {
  grant: AppGrant;
  onCancel: () => void;
  onNarrowed: (grant: AppGrant) => void;
}) {
  const { p } = usePartnerAppsMessages();
  const c = useCommonMessages();
  const ids = useId();
  const id = (part: string) => `${ids}-${part}`;
  const legend = useRef<HTMLSpanElement>(null);
  const [stores, setStores] = useState(new Set(grant.storeIds));
  const [accounts, setAccounts] = useState(new Set(grant.mainAccountIds));
  const [check, setCheck] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  useEffect(() => legend.current?.focus(), []);

  const problem =
    check ??
    fieldProblem(failure, 'storeIds', (i) => grant.storeIds.filter((s) => stores.has(s))[i] ?? `#${i + 1}`) ??
    fieldProblem(
      failure,
      'mainAccountIds',
      (i) => grant.mainAccountIds.filter((a) => accounts.has(a))[i] ?? `#${i + 1}`,
    );

  const toggle = (set: Set<string>, update: (s: Set<string>) => void, value: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    update(next);
    setCheck(undefined);
    setFailure(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const storeIds = grant.storeIds.filter((s) => stores.has(s));
    const mainAccountIds = grant.mainAccountIds.filter((a) => accounts.has(a));
    if (!storeIds.length && !mainAccountIds.length) return setCheck(p.keepOne);
    if (storeIds.length === grant.storeIds.length && mainAccountIds.length === grant.mainAccountIds.length)
      return setCheck(p.nothingRemoved);
    setSaving(true);
    setFailure(undefined);
    try {
      onNarrowed(
        await api<AppGrant>(`/v1/access/grants/${encodeURIComponent(grant.grantId)}`, {
          method: 'PATCH',
          body: { storeIds, mainAccountIds },
        }),
      );
    } catch (error) {
      setSaving(false);
      setFailure(error);
    }
  };

  const box = (value: string, label: string, set: Set<string>, update: (s: Set<string>) => void) => (
    <li key={value}>
      <input
        type="checkbox"
        id={id(`keep-${value}`)}
        checked={set.has(value)}
        onChange={(event) => toggle(set, update, value, event.target.checked)}
      />
      <label htmlFor={id(`keep-${value}`)}>{label}</label>
    </li>
  );

  return (
    <form className="grant-form" onSubmit={submit} noValidate>
      <fieldset
        aria-describedby={[id('hint'), problem ? id('problem') : ''].filter(Boolean).join(' ')}
        aria-invalid={problem ? true : undefined}
      >
        <legend>
          <span ref={legend} tabIndex={-1}>
            {p.narrowHeading(grant.appName)}
          </span>
        </legend>
        <p id={id('hint')} className="hint">
          {p.narrowHint}
        </p>
        <ul className="keep-list">
          {grant.mainAccountIds.map((a) => box(a, p.wholeAccount(a), accounts, setAccounts))}
          {grant.storeIds.map((s) => box(s, s, stores, setStores))}
        </ul>
        {problem && (
          <p id={id('problem')} role="alert" className="error">
            {problem}
          </p>
        )}
      </fieldset>
      {failure !== undefined && !onlyFieldProblems(failure, NARROW_FIELDS) && (
        <ProblemAlert error={failure} />
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? p.saving : p.save}
        </button>
        <button type="button" onClick={onCancel}>
          {c.cancel}
        </button>
      </div>
    </form>
  );
}
