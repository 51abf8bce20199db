import { useI18n } from '../i18n/useI18n';
import type { Lang } from '../i18n/messages';

/** The Reviews page's texts (REV-1..REV-5); the nav label `reviews` lives in the shared messages. */
const en = {
  title: 'Reviews',
  intro:
    "Buyers review their delivered orders (REV-1): an overall rating from 1 to 5 and three detailed seller ratings (DSR). You may reply once to each review (REV-2); a reply is public and can't be changed.",
  sellersOnly:
    "The Reviews page is for sellers: it shows a seller's own reviews and lets their staff reply. Sign in as seller staff to use it.",
  // Ratings
  ratings: 'Ratings',
  window: (days: number) => `Over the last ${days} days, as of`,
  ratingsCaption: 'Positive rate and DSR per store',
  colStore: 'Store',
  colReviews: 'Reviews',
  colPositiveRate: 'Positive rate (REV-3)',
  allStoresRow: 'All stores',
  notRated: 'Not rated',
  notRatedHint: 'Not rated: no reviews in the window.',
  positiveOf: (positive: string, reviews: string) => `${positive} of ${reviews} rated 4 or 5`,
  dsrScale: 'DSR (REV-4), 1 to 5',
  rawMean: (mean: string) => `Raw mean ${mean}`,
  deduction: (deduction: string, strikes: number) =>
    `−${deduction} for ${strikes} late-shipment ${strikes === 1 ? 'strike' : 'strikes'} (REV-5)`,
  strikesNoDeduction: (strikes: number) =>
    `${strikes} late-shipment ${strikes === 1 ? 'strike' : 'strikes'}, nothing deducted yet (REV-5)`,
  allStoresNote:
    'The all-stores row adds the stores up: its DSRs are raw means, as late-shipment deductions (REV-5) belong to each store.',
  dimensions: {
    ITEM_AS_DESCRIBED: 'Item as described',
    COMMUNICATION: 'Communication',
    SHIPPING_SPEED: 'Shipping speed',
  } as Record<string, string>,
  // The list
  reviewsHeading: 'Reviews',
  replies: 'Replies',
  allReviews: 'All reviews',
  awaitingReply: 'Awaiting a reply',
  replied: 'Replied',
  rating: 'Rating',
  allRatings: 'All ratings',
  ratingOption: (stars: number) => `${stars} ${stars === 1 ? 'star' : 'stars'}`,
  fromDay: 'Reviewed from',
  toDay: 'Reviewed to',
  listLabel: 'Reviews, newest first',
  noReviews: 'No reviews yet.',
  noMatches: 'No reviews match these filters.',
  orderPrefix: 'Order',
  rated: (overall: number) => `Rated ${overall} of 5`,
  positive: 'Positive',
  notPositive: 'Not positive',
  dsrOf: (value: number) => `${value} of 5`,
  buyerText: "Buyer's review",
  noText: 'The buyer left no text.',
  storeLabel: 'Store',
  reviewedAt: 'Reviewed',
  // The reply
  yourReply: 'Your reply',
  repliedAt: 'Replied',
  noReplyReadOnly: 'Not replied yet. Your role may read reviews but not reply.',
  replyHeading: 'Reply to this review',
  replyLabel: 'Your reply',
  replyHint: (max: number) =>
    `Shown to buyers with the review. You can reply only once and can't change it afterwards. Up to ${max} characters.`,
  replyCount: (count: number, max: number) => `${count} of ${max} characters`,
  sendReply: 'Send reply',
  sending: 'Sending…',
  replyRequired: 'Write a reply first.',
  replyTooLong: (count: number, max: number) =>
    `The reply has ${count} characters; at most ${max} are allowed.`,
  replySent: (orderId: string) => `Reply sent to the review of order ${orderId}.`,
  alreadyReplied: 'This review already has its reply, shown below.',
};

export type ReviewsMessages = typeof en;

const zh: ReviewsMessages = {
  title: '评价',
  intro:
    '买家可对已签收的订单发表评价（REV-1）：1 至 5 分的总体评分和三项卖家服务评分（DSR）。每条评价您可以回复一次（REV-2）；回复公开展示，发出后不能修改。',
  sellersOnly: '评价页面供卖家使用：展示卖家自己的评价，并由其员工回复。请以卖家员工身份登录后使用。',
  ratings: '评分',
  window: (days) => `近 ${days} 天，截至`,
  ratingsCaption: '各店铺好评率与 DSR',
  colStore: '店铺',
  colReviews: '评价数',
  colPositiveRate: '好评率（REV-3）',
  allStoresRow: '全部店铺',
  notRated: '未评分',
  notRatedHint: '未评分：统计期内没有评价。',
  positiveOf: (positive, reviews) => `${reviews} 条中 ${positive} 条为 4 或 5 分`,
  dsrScale: 'DSR（REV-4），1 至 5 分',
  rawMean: (mean) => `原始均分 ${mean}`,
  deduction: (deduction, strikes) => `因 ${strikes} 次发货超时扣 ${deduction}（REV-5）`,
  strikesNoDeduction: (strikes) => `${strikes} 次发货超时，尚未扣分（REV-5）`,
  allStoresNote: '“全部店铺”一行为各店铺之和：其 DSR 为原始均分，发货超时扣分（REV-5）按店铺分别计算。',
  dimensions: {
    ITEM_AS_DESCRIBED: '商品描述相符',
    COMMUNICATION: '卖家沟通',
    SHIPPING_SPEED: '发货速度',
  },
  reviewsHeading: '评价列表',
  replies: '回复',
  allReviews: '全部评价',
  awaitingReply: '待回复',
  replied: '已回复',
  rating: '评分',
  allRatings: '全部评分',
  ratingOption: (stars) => `${stars} 星`,
  fromDay: '评价日期自',
  toDay: '评价日期至',
  listLabel: '评价（最新的在前）',
  noReviews: '暂无评价。',
  noMatches: '没有符合筛选条件的评价。',
  orderPrefix: '订单',
  rated: (overall) => `评分 ${overall}/5`,
  positive: '好评',
  notPositive: '非好评',
  dsrOf: (value) => `${value}/5`,
  buyerText: '买家评价内容',
  noText: '买家未填写文字。',
  storeLabel: '店铺',
  reviewedAt: '评价时间',
  yourReply: '您的回复',
  repliedAt: '回复时间',
  noReplyReadOnly: '尚未回复。您的角色可以查看评价，但不能回复。',
  replyHeading: '回复此评价',
  replyLabel: '您的回复',
  replyHint: (max) => `回复与评价一同向买家展示。每条评价只能回复一次，发出后不能修改。最多 ${max} 字。`,
  replyCount: (count, max) => `${count}/${max} 字`,
  sendReply: '发送回复',
  sending: '正在发送…',
  replyRequired: '请先填写回复。',
  replyTooLong: (count, max) => `回复有 ${count} 字，最多 ${max} 字。`,
  replySent: (orderId) => `已回复订单 ${orderId} 的评价。`,
  alreadyReplied: '此评价已有回复，见下方。',
};

const REVIEWS_MESSAGES: Record<Lang, ReviewsMessages> = { en, zh };

/** The Reviews page's texts in the language the console speaks now, and its Intl locale. */
export function useReviewsMessages(): { v: ReviewsMessages; locale: string } {
  const { lang, locale } = useI18n();
  return { v: REVIEWS_MESSAGES[lang], locale };
}
