import { useState } from 'react';
import { api } from '../api/client';
import { useWhoami } from '../api/useWhoami';
import { LoadProblem } from '../common/LoadProblem';
import { useCommonMessages } from '../common/messages';
import { NotYourPage } from '../common/NotYourPage';
import { useCursorPages } from '../common/useCursorPages';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { GrantCard } from './GrantCard';
import { usePartnerAppsMessages } from './messages';
import type { AppGrant, GrantList } from './types';
import './partner-apps.css';

/**
 * API-1: a seller admin's view of the apps their organisation granted access: what each covers
 * (stores, whole main accounts), its scopes, when and by whom; narrowed or revoked, which applies
 * to the app's next call. Other staff and platform operators are told admins manage this.
 */
export function ConnectedAppsPage() {
  const { p } = usePartnerAppsMessages();
  const c = useCommonMessages();
  useDocumentTitle(p.grantsTitle);
  const whoami = useWhoami();
  const admin =
    whoami === undefined ? undefined : whoami.kind === 'staff' && whoami.me.roles.includes('admin');
  const [includeRevoked, setIncludeRevoked] = useState(false);
  // The last change: the status line says it in whichever language is chosen later.
  const [status, setStatus] = useState<{ what: 'narrowed' | 'revoked'; app: string }>();
  const grants = useCursorPages<AppGrant>(
    admin ? `grants-${includeRevoked}` : null,
    async (_cursor, signal) => ({
      items: (
        await api<GrantList>('/v1/access/grants', {
          signal,
          query: { includeRevoked: includeRevoked ? 'true' : undefined },
        })
      ).items,
      nextCursor: null,
    }),
  );

  if (admin !== true)
    return <NotYourPage title={p.grantsTitle} who={admin === false ? p.adminsOnly : undefined} />;

  const myId = whoami?.kind === 'staff' ? whoami.me.id : undefined;
  const changed = (grant: AppGrant, what: 'narrowed' | 'revoked') => {
    grants.edit((items) =>
      what === 'revoked' && !includeRevoked
        ? items.filter((g) => g.grantId !== grant.grantId)
        : items.map((g) => (g.grantId === grant.grantId ? grant : g)),
    );
    setStatus({ what, app: grant.appName });
    // The card may have left the list: the heading is where the reader is put back.
    requestAnimationFrame(() => document.getElementById('connected-apps-heading')?.focus());
  };

  return (
    <div className="connected-apps-page">
      <h1 id="connected-apps-heading" tabIndex={-1}>
        {p.grantsTitle}
      </h1>
      <p className="hint partner-intro">{p.grantsIntro}</p>
      <div className="check-field">
        <input
          type="checkbox"
          id="grants-include-revoked"
          checked={includeRevoked}
          onChange={(event) => {
            setStatus(undefined);
            setIncludeRevoked(event.target.checked);
          }}
        />
        <label htmlFor="grants-include-revoked">{p.showRevoked}</label>
      </div>
      <p role="status" className="announcement">
        {status ? (status.what === 'revoked' ? p.revoked(status.app) : p.narrowed(status.app)) : ''}
      </p>
      {grants.error !== undefined && grants.error !== null ? (
        <LoadProblem error={grants.error} onRetry={grants.retry} failed={p.grantsLoadFailed} />
      ) : !grants.started ? (
        <p>{c.loading}</p>
      ) : grants.items.length === 0 ? (
        <p>{p.noGrants}</p>
      ) : (
        <div className="grant-list">
          {grants.items.map((grant) => (
            <GrantCard key={grant.grantId} grant={grant} myId={myId} onChanged={changed} />
          ))}
        </div>
      )}
    </div>
  );
}
