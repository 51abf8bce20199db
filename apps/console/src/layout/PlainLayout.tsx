import type { ReactNode } from 'react';
import { useI18n } from '../i18n/useI18n';
import { LanguageButton } from './LanguageButton';

/** The frame of the signed-out pages: the product name and the language switch. */
export function PlainLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <header className="app-header">
        <span className="brand">{t.product}</span>
        <div className="header-tools">
          <LanguageButton />
        </div>
      </header>
      <main id="content" tabIndex={-1} className="plain">
        {children}
      </main>
    </>
  );
}
