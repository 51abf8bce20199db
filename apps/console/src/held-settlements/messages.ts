import type { Lang } from '../i18n/messages';
import { useI18n } from '../i18n/useI18n';
import { twoDigits, type Span } from '../common/duration';

/** The held-settlement queue's texts (SET-2, SET-3); the nav label `heldSettlements` lives in the shared messages. */
const en = {
  title: 'Held settlements',
  intro:
    "Risk reviews (day 5 after delivery) that hold a delivered order's money, oldest first. The money stays frozen until an operator decides. Released, it goes to the seller at 10:00 UTC on day 7 after the delivery date, or at once when that time has passed.",
  operatorsOnly: 'Held settlements are worked by platform operators.',
  tableCaption: 'Held reviews, oldest first',
  colOrder: 'Order',
  colStore: 'Store',
  colAmount: 'Frozen amount',
  colDelivered: 'Delivered at',
  colReviewStarted: 'Review started at',
  colHeldFor: 'Held for',
  colReasons: 'Reasons',
  colAction: 'Action',
  orderTotal: (total: string) => `Order total ${total}`,
  noHeld: 'No review holds money now.',
  loadFailed: 'Could not load the held reviews',
  heldFor: ({ days, hours, minutes }: Span) =>
    days > 0 ? `${days} d ${hours} h` : `${hours} h ${twoDigits(minutes)} min`,
  heldForTitle: 'Since the money was held, by the server’s clock',
  decide: 'Decide',
  decideOn: (orderId: string) => `Decide on order ${orderId}`,
  fundStatuses: {
    NOT_DUE: 'Not due yet',
    FROZEN: 'Frozen',
    IN_REVIEW: 'In review, release scheduled',
    HELD: 'Held',
    RELEASED: 'Released',
  } as Record<string, string>,
  // The panel
  panelHeading: (shortId: string) => `Held order ${shortId}`,
  closePanel: 'Close the held review',
  facts: 'Held review details',
  orderId: 'Order id',
  orderPage: 'Order page',
  openOrderPage: 'Open the order page',
  fundStatus: 'Fund status',
  total: 'Order total',
  commission: 'Commission',
  refunded: 'Refunded',
  frozenNow: 'Frozen now',
  released: 'Released',
  holdReasons: 'Hold reasons',
  timelineHeading: 'Settlement timeline',
  timelineLoading: 'Loading the settlement timeline…',
  timelineFailed: 'Could not load the settlement timeline',
  upcoming: 'upcoming',
  stepDelivered: (frozen: string | null) =>
    frozen ? `Delivered: ${frozen} frozen (SET-1)` : 'Delivered: proceeds frozen (SET-1)',
  stepReviewDue: 'Risk review due, 00:00 UTC on day 5 (SET-2)',
  stepReviewStarted: 'Risk review started (SET-2)',
  stepReviewStartedDue: (due: string) => `due ${due} UTC`,
  stepNormalRelease: 'Normal release time, 10:00 UTC on day 7 (SET-3)',
  stepNormalReleaseHeld: 'passed without a release: the review holds the money',
  stepDecision: (decision: string, by: string, reason: string) => `${decision} by ${by}: ${reason}`,
  stepRefund: (amount: string, from: string) => `Refund of ${amount}, taken from ${from}`,
  stepReleased: (amount: string) => `Released: ${amount} to the seller’s available balance`,
  // The decision
  decisionHeading: 'Record a decision',
  decision: 'Decision',
  releaseHintNow: 'Day 7’s release time has passed: the money is released to the seller at once.',
  releaseHintLater: (at: string) =>
    `The hold is lifted; the money is released at its normal time, ${at} UTC.`,
  keepHoldingHint: 'The money stays frozen and the review stays in this queue.',
  reasonHint: (max: number) => `Required. Recorded with your decision and audited (up to ${max} characters).`,
  chooseDecision: 'Choose a decision.',
  submit: 'Submit decision',
  submitting: 'Submitting…',
  // What the answer says
  releasedNow: (orderId: string, amount: string) =>
    `Order ${orderId} released at once: ${amount} to the seller’s available balance.`,
  releasesOnTime: (orderId: string, at: string) =>
    `Order ${orderId} is no longer held: it releases at its normal time, ${at} UTC.`,
  stillHeld: (orderId: string) => `Order ${orderId} is still held; your decision is recorded.`,
  otherOutcome: (orderId: string, status: string) =>
    `Decision recorded for order ${orderId}; its fund status is now ${status}.`,
};

export type HeldSettlementsMessages = typeof en;

const zh: HeldSettlementsMessages = {
  title: '暂缓放款',
  intro:
    '签收后第 5 天风控审核暂扣的订单货款，最早的在前。资金保持冻结，直至运营作出决定。决定放款后，货款在签收日后第 7 天 10:00（UTC）放给卖家；若该时间已过，则立即放款。',
  operatorsOnly: '暂缓放款由平台运营处理。',
  tableCaption: '暂扣中的审核（最早的在前）',
  colOrder: '订单',
  colStore: '店铺',
  colAmount: '冻结金额',
  colDelivered: '签收时间',
  colReviewStarted: '审核开始时间',
  colHeldFor: '已暂扣',
  colReasons: '原因',
  colAction: '操作',
  orderTotal: (total) => `订单总额 ${total}`,
  noHeld: '目前没有暂扣资金的审核。',
  loadFailed: '无法加载暂扣中的审核',
  heldFor: ({ days, hours, minutes }) =>
    days > 0 ? `${days} 天 ${hours} 小时` : `${hours} 小时 ${twoDigits(minutes)} 分`,
  heldForTitle: '自资金被暂扣起，按服务器时钟计算',
  decide: '处理',
  decideOn: (orderId) => `处理订单 ${orderId}`,
  fundStatuses: {
    NOT_DUE: '未到结算期',
    FROZEN: '冻结中',
    IN_REVIEW: '审核通过，待放款',
    HELD: '暂扣',
    RELEASED: '已放款',
  },
  panelHeading: (shortId) => `暂扣订单 ${shortId}`,
  closePanel: '关闭暂扣审核',
  facts: '暂扣审核详情',
  orderId: '订单编号',
  orderPage: '订单页面',
  openOrderPage: '打开订单页面',
  fundStatus: '资金状态',
  total: '订单总额',
  commission: '佣金',
  refunded: '已退款',
  frozenNow: '当前冻结',
  released: '已放款',
  holdReasons: '暂扣原因',
  timelineHeading: '结算时间线',
  timelineLoading: '正在加载结算时间线…',
  timelineFailed: '无法加载结算时间线',
  upcoming: '尚未到达',
  stepDelivered: (frozen) => (frozen ? `已签收：冻结 ${frozen}（SET-1）` : '已签收：货款冻结（SET-1）'),
  stepReviewDue: '风控审核时间：第 5 天 00:00（UTC）（SET-2）',
  stepReviewStarted: '风控审核开始（SET-2）',
  stepReviewStartedDue: (due) => `应于 ${due}（UTC）`,
  stepNormalRelease: '正常放款时间：第 7 天 10:00（UTC）（SET-3）',
  stepNormalReleaseHeld: '该时间已过但未放款：审核暂扣了资金',
  stepDecision: (decision, by, reason) => `${by}：${decision}（${reason}）`,
  stepRefund: (amount, from) => `退款 ${amount}，从${from}扣除`,
  stepReleased: (amount) => `已放款：${amount} 转入卖家可用余额`,
  decisionHeading: '记录决定',
  decision: '决定',
  releaseHintNow: '第 7 天的放款时间已过：资金立即放给卖家。',
  releaseHintLater: (at) => `解除暂扣；资金在正常放款时间 ${at}（UTC）放款。`,
  keepHoldingHint: '资金保持冻结，审核留在此队列中。',
  reasonHint: (max) => `必填。与决定一同记录并写入审计日志（最多 ${max} 字）。`,
  chooseDecision: '请选择一个决定。',
  submit: '提交决定',
  submitting: '正在提交…',
  releasedNow: (orderId, amount) => `订单 ${orderId} 已立即放款：${amount} 转入卖家可用余额。`,
  releasesOnTime: (orderId, at) => `订单 ${orderId} 已解除暂扣：将在正常放款时间 ${at}（UTC）放款。`,
  stillHeld: (orderId) => `订单 ${orderId} 仍在暂扣；您的决定已记录。`,
  otherOutcome: (orderId, status) => `已记录订单 ${orderId} 的决定；其资金状态现为 ${status}。`,
};

const MESSAGES: Record<Lang, HeldSettlementsMessages> = { en, zh };

/** The held-settlement queue's texts in the language the console speaks now, and its Intl locale. */
export function useHeldSettlementsMessages(): { h: HeldSettlementsMessages; locale: string } {
  const { lang, locale } = useI18n();
  return { h: MESSAGES[lang], locale };
}
