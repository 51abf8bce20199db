import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../api/client';
import { ProblemAlert } from '../common/ProblemAlert';
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
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  useEffect(() => heading.current?.focus(), []);

  const rotate = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      onRotated(
        await api<RegisteredApp>(`/v1/access/apps/${encodeURIComponent(app.clientId)}/secret`, {
          method: 'POST',
        }),
      );
    } catch (error) {
      setBusy(false);
      setFailure(error);
    }
  };

  return (
    <section className="app-panel confirm-panel" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {p.rotateHeading(app.name)}
      </h2>
      <p id={`${ids}-warning`} className="confirm-warning">
        {p.rotateWarning}
      </p>
      <ProblemAlert error={failure} />
      <div className="form-actions">
        <button
          type="button"
          className="button-danger"
          disabled={busy}
          aria-describedby={`${ids}-warning`}
          onClick={() => void rotate()}
        >
          {busy ? p.rotating : p.rotateConfirm}
        </button>
        <button type="button" onClick={onCancel}>
          {p.cancel}
        </button>
      </div>
    </section>
  );
}
