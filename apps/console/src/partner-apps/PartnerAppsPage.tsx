import { useRef, useState } from 'react';
import { api } from '../api/client';
import { useCursorPages } from '../common/useCursorPages';
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

/** The open panel under the list and the row button that opened it (focus goes back there). */
interface OpenPanel {
  mode: 'edit' | 'rotate';
  clientId: string;
  opener: HTMLButtonElement;
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
  const [panel, setPanel] = useState<OpenPanel>();
  const [issued, setIssued] = useState<IssuedSecret>();
  // The app last saved: the status line names it in whichever language is chosen later.
  const [savedName, setSavedName] = useState<string>();
  const table = useRef<HTMLDivElement>(null);

  if (operator !== true)
    return (
      <>
        <h1>{p.appsTitle}</h1>
        {operator === false && <p>{p.operatorsOnly}</p>}
      </>
    );

  const openApp = panel && apps.items.find((a) => a.clientId === panel.clientId);
  const upsert = (app: PartnerApp) =>
    apps.edit((items) =>
      items.some((a) => a.clientId === app.clientId)
        ? items.map((a) => (a.clientId === app.clientId ? app : a))
        : items.concat(app),
    );
  const closePanel = () => {
    const opener = panel?.opener;
    setPanel(undefined);
    requestAnimationFrame(() => opener?.isConnected && opener.focus());
  };
  const open = (mode: OpenPanel['mode']) => (app: PartnerApp, opener: HTMLButtonElement) => {
    setSavedName(undefined);
    setPanel({ mode, clientId: app.clientId, opener });
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
          openClientId={panel?.clientId}
          onEdit={open('edit')}
          onRotate={open('rotate')}
        />
      </section>
      {panel && openApp && panel.mode === 'edit' && (
        <EditAppPanel
          key={`edit-${openApp.clientId}`}
          app={openApp}
          scopes={scopes}
          server={server}
          onCancel={closePanel}
          onSaved={(saved) => {
            upsert(saved);
            setSavedName(saved.name);
            closePanel();
          }}
        />
      )}
      {panel && openApp && panel.mode === 'rotate' && (
        <RotateSecretPanel
          key={`rotate-${openApp.clientId}`}
          app={openApp}
          onCancel={closePanel}
          onRotated={(rotated) => {
            upsert(withoutSecret(rotated));
            setPanel(undefined);
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
