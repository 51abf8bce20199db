import { useI18n } from '../i18n/useI18n';

/** Switches between English and Chinese; it is named in the language it switches to. */
export function LanguageButton() {
  const { lang, t, setLang } = useI18n();
  return (
    <button
      type="button"
      className="button-quiet"
      lang={t.switchLanguageLang}
      onClick={() => setLang(lang === 'en' ? 'zh' : 'en')}
    >
      {t.switchLanguage}
    </button>
  );
}
