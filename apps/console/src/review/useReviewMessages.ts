import { useI18n } from '../i18n/useI18n';
import { REVIEW_MESSAGES, type ReviewMessages } from './messages';

/** The review queue's texts in the language the console speaks now, and its Intl locale. */
export function useReviewMessages(): { r: ReviewMessages; locale: string } {
  const { lang, locale } = useI18n();
  return { r: REVIEW_MESSAGES[lang], locale };
}
