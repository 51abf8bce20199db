import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { PlainLayout } from '../layout/PlainLayout';
import { PATHS } from '../routing/paths';
import { Link } from '../routing/Link';
import { navigate } from '../routing/router';
import { completeSignIn } from './complete-sign-in';
import { OAuthError } from './token-endpoint';

/** /console/callback: the server sends the browser back here with a code; trade it, then go to Orders. */
export function CallbackPage() {
  const { t } = useI18n();
  useDocumentTitle(t.signIn);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    completeSignIn(location.search)
      // replaceState: the code in this URL is spent, so Back must not return to it.
      .then(() => live && navigate(PATHS.orders, { replace: true }))
      .catch((failure: unknown) => {
        if (!live) return;
        setError(failure instanceof OAuthError ? (failure.description ?? failure.error) : t.unexpectedError);
      });
    return () => {
      live = false;
    };
    // Once per visit: switching the language must not start a second exchange.
  }, []);

  return (
    <PlainLayout>
      {error ? (
        <>
          <h1>{t.signInFailed}</h1>
          <p role="alert" className="error">
            {error}
          </p>
          <p>
            <Link href={PATHS.landing}>{t.backToSignIn}</Link>
          </p>
        </>
      ) : (
        <h1 aria-live="polite">{t.signingIn}</h1>
      )}
    </PlainLayout>
  );
}
