import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18n } from './i18n-context';
import { storedLang, storeLang } from './lang-storage';
import { LOCALE, MESSAGES, type Lang } from './messages';

/** Holds the chosen language, remembers it and keeps `<html lang>` in step for assistive technology. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  useEffect(() => {
    document.documentElement.lang = LOCALE[lang];
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({
      lang,
      locale: LOCALE[lang],
      t: MESSAGES[lang],
      setLang: (next: Lang) => {
        storeLang(next);
        setLangState(next);
      },
    }),
    [lang],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
