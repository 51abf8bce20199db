import { useState, type ReactNode } from 'react';
import { signOut } from '../auth/sign-out';
import { useI18n } from '../i18n/useI18n';
import { PATHS } from '../routing/paths';
import { Link } from '../routing/Link';
import { useLocationPath } from '../routing/useLocationPath';
import { LanguageButton } from './LanguageButton';
import { SignedInUser } from './SignedInUser';
import { SkipLink } from './SkipLink';
import { useIsPlatformOperator } from './useIsPlatformOperator';

/** The frame of every signed-in page: skip link, header with navigation and account, main content. */
export function SignedInLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const path = useLocationPath();
  // The review queue is the operators' work (FUL-4..FUL-6); seller staff do not see its link.
  const operator = useIsPlatformOperator();
  const [signingOut, setSigningOut] = useState(false);

  return (
    <>
      <SkipLink />
      <header className="app-header">
        <span className="brand">{t.product}</span>
        <nav aria-label={t.mainNav}>
          <ul>
            <li>
              <Link href={PATHS.orders} aria-current={path === PATHS.orders ? 'page' : undefined}>
                {t.orders}
              </Link>
            </li>
            {operator === false && (
              <>
                <li>
                  <Link href={PATHS.money} aria-current={path === PATHS.money ? 'page' : undefined}>
                    {t.money}
                  </Link>
                </li>
                <li>
                  <Link href={PATHS.health} aria-current={path === PATHS.health ? 'page' : undefined}>
                    {t.health}
                  </Link>
                </li>
              </>
            )}
            {operator && (
              <li>
                <Link href={PATHS.reviewQueue} aria-current={path === PATHS.reviewQueue ? 'page' : undefined}>
                  {t.reviewQueue}
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <div className="header-tools">
          <LanguageButton />
          <SignedInUser />
          <button
            type="button"
            className="button-quiet"
            disabled={signingOut}
            onClick={() => {
              setSigningOut(true);
              void signOut();
            }}
          >
            {t.signOut}
          </button>
        </div>
      </header>
      <main id="content" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
