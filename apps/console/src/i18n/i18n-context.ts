import { createContext } from 'react';
import { LOCALE, MESSAGES, type Lang, type Messages } from './messages';

export interface I18n {
  lang: Lang;
  /** BCP 47 tag for Intl formatting. */
  locale: string;
  t: Messages;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({
  lang: 'en',
  locale: LOCALE.en,
  t: MESSAGES.en,
  setLang: () => undefined,
});
