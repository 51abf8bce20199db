import { api } from '../api/client';
import { ConfirmStep } from './ConfirmStep';
import { usePartnerAppsMessages } from './messages';
import type { PartnerApp, RegisteredApp } from './types';

/**
 * API-1: the confirm step before a new client secret: the old one stops working at once, so the
 * operator says so before POST /v1/access/apps/{clientId}/secret. The answer's secret goes to the
 * page's one-time secret box.
 */
export function RotateSecretPanel({
  app,
  onRotated,
  onCancel,
}: {
  app: PartnerApp;
  onRotated: (app: RegisteredApp) => void;
  onCancel: () => void;
}) {
  const { p } = usePartnerAppsMessages();
  return (
    <ConfirmStep
      className="app-panel confirm-panel"
      level={2}
      heading={p.rotateHeading(app.name)}
      warning={p.rotateWarning}
      confirm={p.rotateConfirm}
      busy={p.rotating}
      act={() =>
        api<RegisteredApp>(`/v1/access/apps/${encodeURIComponent(app.clientId)}/secret`, { method: 'POST' })
      }
      onDone={onRotated}
      onCancel={onCancel}
    />
  );
}
