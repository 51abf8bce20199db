import { useState } from 'react';
import { startSignIn } from '../auth/sign-in';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { useI18n } from '../i18n/useI18n';
import { PlainLayout } from '../layout/PlainLayout';

/** What a signed-out visitor sees: what this is, and the way in. */
export function LandingPage() {
  const { t } = useI18n();
  useDocumentTitle();
  const [starting, setStarting] = useState(false);
  const [failed, setFailed] = useState(false);

  const signIn = () => {
    setStarting(true);
    setFailed(false);
    startSignIn().catch(() => {
      setStarting(false);
      setFailed(true);
    });
  };

  return (
    <PlainLayout>
      <h1>{t.consoleTitle}</h1>
      <p>{t.landingIntro}</p>
      <button type="button" className="button-primary" onClick={signIn} disabled={starting}>
        {t.signIn}
      </button>
      {failed && (
        <p role="alert" className="error">
          {t.unexpectedError}
        </p>
      )}
    </PlainLayout>
  );
}
