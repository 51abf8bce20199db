import { useState, type ReactNode } from 'react';
import { signOut } from '../auth/sign-out';
import { useI18n } from '../i18n/useI18n';
import { useServerClock } from '../time/useServerClock';
import { Link } from '../routing/Link';
import { useLocationPath } from '../routing/useLocationPath';
import { LanguageButton } from './LanguageButton';
import { SignedInUser } from './SignedInUser';
import { SkipLink } from './SkipLink';
import { navItems } from './navigation';
import { useViewer } from './useViewer';

/** The frame of every signed-in page: skip link, header with navigation and account, main content. */
export function SignedInLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const path = useLocationPath();
  // Operators' queues and sellers' pages differ; nothing shows until it is known who signed in.
  const viewer = useViewer();
  useServerClock();
  const [signingOut, setSigningOut] = useState(false);

  return (
    <>
      <SkipLink />
      <header className="app-header">
        <span className="brand">{t.product}</span>
        <nav aria-label={t.mainNav}>
          <ul>
            {navItems(viewer).map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={path === item.href ? 'page' : undefined}>
                  {t[item.label]}
                </Link>
              </li>
            ))}
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
