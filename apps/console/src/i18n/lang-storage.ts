import { LANGS, type Lang } from './messages';

const KEY = 'tradehub.lang';

/** The language chosen last time in this browser; English when none was chosen. */
export function storedLang(): Lang {
  try {
    const value = localStorage.getItem(KEY);
    return LANGS.includes(value as Lang) ? (value as Lang) : 'en';
  } catch {
    // Storage can be off (privacy settings): the console still works, in English.
    return 'en';
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Not remembered; the choice still holds for this page.
  }
}
