import { useRef, useState } from 'react';
import { api } from '../api/client';
import { NotYourPage } from '../common/NotYourPage';
import { useCursorPages } from '../common/useCursorPages';
import { useOpenPanel } from '../common/useOpenPanel';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { useIsPlatformOperator } from '../layout/useIsPlatformOperator';
import { AppTable } from './AppTable';
import { EditAppPanel } from './EditAppPanel';
import { usePartnerAppsMessages } from './messages';
import { RegisterAppForm } from './RegisterAppForm';
import { RotateSecretPanel } from './RotateSecretPanel';
import { useServerScopes } from './scopes';
import { SecretBox } from './SecretBox';
import type { AppList, IssuedSecret, PartnerApp, RegisteredApp } from './types';
import './partner-apps.css';

/** What the panel under the list does, and for which app. */
interface OpenPanel {
  mode: 'edit' | 'rotate';
  clientId: string;
}

/** The app as the list shows it: the answer without its secret, which lives in the secret box only. */
function withoutSecret(app: RegisteredApp): PartnerApp {
  const { clientSecret: _secret, ...rest } = app;
  return rest;
}

/**
 * API-1: platform operators register partner (ERP) and service apps, change them, disable them
 * and issue new secrets. The list never carries secrets; a secret just issued is shown once, in
 * a marked box with Copy, and is gone on reload. Seller staff are told operators do this.
 */
export function PartnerAppsPage() {
  const { p } = usePartnerAppsMessages();
  useDocumentTitle(p.appsTitle);
  const operator = useIsPlatformOperator();
  const apps = useCursorPages<PartnerApp>(operator ? 'apps' : null, async (_cursor, signal) => ({
    items: (await api<AppList>('/v1/access/apps', { signal })).items,
    nextCursor: null,
  }));
  const { scopes, server } = useServerScopes(operator === true);
  // No fallback: an app stays in the list, so its row's button is there to return to.
  const panel = useOpenPanel<OpenPanel>();
  const [issued, setIssued] = useState<IssuedSecret>();
  // The app last saved: the status line names it in whichever language is chosen later.
  const [savedName, setSavedName] = useState<string>();
  const table = useRef<HTMLDivElement>(null);

  if (operator !== true)
    return <NotYourPage title={p.appsTitle} who={operator === false ? p.operatorsOnly : undefined} />;

  const open = panel.item;
  const openApp = open && apps.items.find((a) => a.clientId === open.clientId);
  const upsert = (app: PartnerApp) =>
    apps.edit((items) =>
      items.some((a) => a.clientId === app.clientId)
        ? items.map((a) => (a.clientId === app.clientId ? app : a))
        : items.concat(app),
    );
  const openFor = (mode: OpenPanel['mode']) => (app: PartnerApp, opener: HTMLButtonElement) => {
    setSavedName(undefined);
    panel.show({ mode, clientId: app.clientId }, opener);
  };

  return (
    <div className="partner-apps-page">
      <h1>{p.appsTitle}</h1>
      <p className="hint partner-intro">{p.appsIntro}</p>
      {issued && (
        <SecretBox
          issued={issued}
          onDone={() => {
            setIssued(undefined);
            table.current?.querySelector<HTMLElement>('h2')?.focus();
          }}
        />
      )}
      <p role="status" className="announcement">
        {savedName ? p.saved(savedName) : ''}
      </p>
      <section className="partner-section" aria-labelledby="partner-apps-list" ref={table}>
        <h2 id="partner-apps-list" tabIndex={-1}>
          {p.appsHeading}
        </h2>
        <AppTable
          apps={apps.items}
          started={apps.started}
          loading={apps.loading}
          error={apps.error}
          onRetry={apps.retry}
          openClientId={open?.clientId}
          onEdit={openFor('edit')}
          onRotate={openFor('rotate')}
        />
      </section>
      {openApp && open.mode === 'edit' && (
        <EditAppPanel
          key={`edit-${openApp.clientId}`}
          app={openApp}
          scopes={scopes}
          server={server}
          onCancel={panel.close}
          onSaved={(saved) => {
            upsert(saved);
            setSavedName(saved.name);
            panel.close();
          }}
        />
      )}
      {openApp && open.mode === 'rotate' && (
        <RotateSecretPanel
          key={`rotate-${openApp.clientId}`}
          app={openApp}
          onCancel={panel.close}
          onRotated={(rotated) => {
            upsert(withoutSecret(rotated));
            panel.drop();
            if (rotated.clientSecret)
              setIssued({
                clientId: rotated.clientId,
                name: rotated.name,
                secret: rotated.clientSecret,
                how: 'rotated',
              });
          }}
        />
      )}
      <section className="partner-section">
        <RegisterAppForm
          scopes={scopes}
          server={server}
          onRegistered={(app) => {
            upsert(withoutSecret(app));
            setSavedName(undefined);
            if (app.clientSecret)
              setIssued({
                clientId: app.clientId,
                name: app.name,
                secret: app.clientSecret,
                how: 'registered',
              });
          }}
        />
      </section>
    </div>
  );
}
