import { useContext } from 'react';
import { I18nContext, type I18n } from './i18n-context';

export function useI18n(): I18n {
  return useContext(I18nContext);
}
