import { useI18n } from '../i18n/useI18n';
import type { Lang } from '../i18n/messages';

/** Texts every page uses the same way: loading, failures, Retry, Load more, a form's Close and Reason. */
const en = {
  loading: 'Loading…',
  loadFailed: 'Could not load this part of the page',
  forbidden: 'You do not have access to this part of the page.',
  retry: 'Retry',
  loadMore: 'Load more',
  unexpectedError: 'Something went wrong; nothing was changed. Try again.',
  none: '—',
  close: 'Close',
  cancel: 'Cancel',
  reason: 'Reason',
  reasonRequired: 'Give a reason.',
  store: 'Store',
  allStores: 'All stores',
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
  close: '关闭',
  cancel: '取消',
  reason: '理由',
  reasonRequired: '请填写理由。',
  store: '店铺',
  allStores: '全部店铺',
};

const COMMON: Record<Lang, CommonMessages> = { en, zh };

export function useCommonMessages(): CommonMessages {
  return COMMON[useI18n().lang];
}

/** The first part of an id, enough to tell tasks, orders or cases apart in a heading or a sentence. */
export const shortId = (id: string): string => id.slice(0, 8);

/** A code's label, or the code itself when the console has none for it yet (a newer server's value). */
export const labelOf = (labels: Record<string, string>, code: string): string => labels[code] ?? code;
