import { LoadProblem } from '../common/LoadProblem';
import { useCommonMessages } from '../common/messages';
import { ScrollTable } from '../common/ScrollTable';
import { usePartnerAppsMessages } from './messages';
import type { PartnerApp } from './types';
import { When } from './When';

interface AppTableProps {
  apps: PartnerApp[];
  started: boolean;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  /** The app whose edit or rotate panel is open (its row is marked). */
  openClientId?: string;
  onEdit: (app: PartnerApp, opener: HTMLButtonElement) => void;
  onRotate: (app: PartnerApp, opener: HTMLButtonElement) => void;
}

/** The registered apps (API-1), never their secrets: kind, scopes, redirect URIs, rate limit, status. */
export function AppTable({
  apps,
  started,
  loading,
  error,
  onRetry,
  openClientId,
  onEdit,
  onRotate,
}: AppTableProps) {
  const { p } = usePartnerAppsMessages();
  const c = useCommonMessages();
  if (error !== undefined && error !== null)
    return <LoadProblem error={error} onRetry={onRetry} failed={p.appsLoadFailed} />;
  if (!started || (loading && apps.length === 0)) return <p>{c.loading}</p>;
  if (apps.length === 0) return <p>{p.noApps}</p>;
  return (
    <ScrollTable className="apps-table" caption={p.appsTable} captionClassName="visually-hidden">
      <thead>
        <tr>
          <th scope="col">{p.colApp}</th>
          <th scope="col">{p.colKind}</th>
          <th scope="col">{p.colScopes}</th>
          <th scope="col">{p.colRedirects}</th>
          <th scope="col">{p.colRateLimit}</th>
          <th scope="col">{p.colCreated}</th>
          <th scope="col">{p.colStatus}</th>
          <th scope="col">{p.colActions}</th>
        </tr>
      </thead>
      <tbody>
        {apps.map((app) => {
          const editable = app.kind === 'partner' || app.kind === 'service';
          const open = app.clientId === openClientId;
          return (
            <tr key={app.clientId} className={open ? 'selected' : undefined}>
              <th scope="row">
                <span className="app-name">{app.name}</span>
                <code className="secondary">{app.clientId}</code>
              </th>
              <td>{p.kindName[app.kind] ?? app.kind}</td>
              <td>
                <ul className="plain-list scope-list">
                  {app.scopes.map((s) => (
                    <li key={s}>
                      <code>{s}</code>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {app.redirectUris.length ? (
                  <ul className="plain-list">
                    {app.redirectUris.map((u) => (
                      <li key={u}>
                        <code>{u}</code>
                      </li>
                    ))}
                  </ul>
                ) : (
                  c.none
                )}
              </td>
              <td>
                {app.rateLimitPerMinute === null ? p.defaultRateLimit : p.perMinute(app.rateLimitPerMinute)}
              </td>
              <td>
                <When iso={app.createdAt} />
                <span className="secondary created-by">{p.byWhom(app.createdBy)}</span>
              </td>
              <td>
                <span className={app.disabled ? 'app-status off' : 'app-status on'}>
                  {app.disabled ? p.disabled : p.enabled}
                </span>
              </td>
              <td>
                {editable && (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button-small"
                      aria-label={p.editApp(app.name)}
                      onClick={(event) => onEdit(app, event.currentTarget)}
                    >
                      {p.edit}
                    </button>
                    <button
                      type="button"
                      className="button-small"
                      aria-label={p.rotateApp(app.name)}
                      onClick={(event) => onRotate(app, event.currentTarget)}
                    >
                      {p.rotate}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
