import { useI18n } from '../i18n/useI18n';
import type { Lang } from '../i18n/messages';

/** Texts every page uses the same way: loading, failures, Retry, Load more. */
const en = {
  loading: 'Loading…',
  loadFailed: 'Could not load this part of the page',
  forbidden: 'You do not have access to this part of the page.',
  retry: 'Retry',
  loadMore: 'Load more',
  unexpectedError: 'Something went wrong; nothing was changed. Try again.',
  none: '—',
};

type CommonMessages = typeof en;

const zh: CommonMessages = {
  loading: '加载中…',
  loadFailed: '页面的这一部分加载失败',
  forbidden: '您无权查看页面的这一部分。',
  retry: '重试',
  loadMore: '加载更多',
  unexpectedError: '出现意外错误，未做任何更改。请重试。',
  none: '—',
};

const COMMON: Record<Lang, CommonMessages> = { en, zh };

export function useCommonMessages(): CommonMessages {
  return COMMON[useI18n().lang];
}
