import { useI18n } from '../i18n/useI18n';
import type { Lang } from '../i18n/messages';

/** The fake-shipment cases page's texts (FUL-6, CMP-4); the nav label `fakeShipments` is shared. */
const en = {
  title: 'Fake-shipment cases',
  intro:
    'Each fake shipment a reviewer confirmed (FUL-6) is a case on the seller account: it costs its penalty points, and the cases that reach the bar close the account (CMP-4). Cases count over the account’s life; only an appeal decided REVERSED takes one out.',
  operatorsOnly: 'Fake-shipment cases and their appeals are worked by platform operators.',
  // The store filter
  storePlaceholder: 'Store id (empty: all)',
  storeHint: 'The account of this store’s seller only.',
  storeInvalid: 'Enter a store id: letters, digits and _ . : - (up to 64 characters).',
  apply: 'Show',
  clear: 'All stores',
  // The list
  loadFailed: 'Could not load the seller accounts',
  noSellers: 'No seller accounts to show.',
  noSellersOfStore: (storeId: string) => `No seller of store ${storeId} is known to Compliance yet.`,
  // One seller account
  sellerHeading: (sellerId: string) => `Seller ${sellerId}`,
  accountFacts: (sellerId: string) => `Penalty account of seller ${sellerId}`,
  stores: 'Stores',
  points: 'Penalty points',
  countedCases: 'Counted cases',
  countedCasesValue: (counted: number, toClose: number) => `${counted} (${toClose} close the account)`,
  status: 'Account',
  open: 'Open',
  closedBadge: 'Account closed',
  closedSince: 'Closed since',
  closedNote:
    'A closed account takes no new orders and confirms no shipments; refunds and settlement of past orders go on.',
  noCases: 'No fake-shipment cases.',
  // Its cases
  casesCaption: (sellerId: string) => `Fake-shipment cases of seller ${sellerId}, oldest first`,
  colCase: 'Case',
  colReferences: 'References',
  colConfirmed: 'Confirmed',
  colPoints: 'Points',
  colStatus: 'Status and appeals',
  colAction: 'Action',
  storeRef: 'Store',
  orderRef: 'Order',
  packageRef: 'Package',
  trackingRef: 'Tracking number',
  taskRef: 'Review task',
  trackingFailed: 'Could not load the tracking number',
  confirmedBy: (who: string) => `by ${who}`,
  reviewerReason: 'Reviewer’s reason',
  counted: 'Counted',
  reversed: 'Reversed',
  reversedBy: (who: string) => `by ${who}`,
  decidedBy: (who: string) => `by ${who}`,
  appeals: 'Appeal decisions',
  outcome: { REVERSED: 'Reversed', UPHELD: 'Upheld' } as Record<string, string>,
  decideAppeal: 'Decide appeal',
  decideAppealFor: (caseId: string) => `Decide appeal on case ${caseId}`,
  noAction: 'No further decision',
  // The appeal form
  formHeading: (shortId: string) => `Appeal on case ${shortId}`,
  outcomeLegend: 'Outcome',
  outcomeName: { REVERSED: 'Reverse the case', UPHELD: 'Uphold the case' } as Record<string, string>,
  reversedHint: (points: number, toClose: number) =>
    `Takes its ${points} points out; the account reopens when fewer than ${toClose} counted cases remain.`,
  upheldHint: 'The case keeps counting; the decision and its reason are recorded.',
  reason: 'Reason for the decision',
  reasonHint: (max: number) =>
    `Recorded on the case and in the audit log; the seller sees it (up to ${max} characters).`,
  chooseOutcome: 'Choose an outcome.',
  submit: 'Record decision',
  decided: (shortId: string, outcome: string, sellerId: string, points: number, closed: boolean) =>
    `Case ${shortId} ${outcome.toLowerCase()}: seller ${sellerId} now has ${points} penalty points; the account is ${closed ? 'closed' : 'open'}.`,
};

export type FakeShipmentMessages = typeof en;

const zh: FakeShipmentMessages = {
  title: '虚假发货案件',
  intro:
    '审核员确认的每一起虚假发货（FUL-6）都是卖家账户上的一个案件：扣除相应的处罚分，计数案件达到上限即关闭账户（CMP-4）。案件在账户存续期内一直计数，只有申诉裁定为“撤销”才会将其移除。',
  operatorsOnly: '虚假发货案件及其申诉由平台运营处理。',
  storePlaceholder: '店铺编号（留空：全部）',
  storeHint: '只看该店铺所属卖家的账户。',
  storeInvalid: '请输入店铺编号：字母、数字及 _ . : -（最多 64 个字符）。',
  apply: '查看',
  clear: '全部店铺',
  loadFailed: '无法加载卖家账户',
  noSellers: '没有可显示的卖家账户。',
  noSellersOfStore: (storeId) => `合规系统尚不知道店铺 ${storeId} 的卖家。`,
  sellerHeading: (sellerId) => `卖家 ${sellerId}`,
  accountFacts: (sellerId) => `卖家 ${sellerId} 的处罚账户`,
  stores: '店铺',
  points: '处罚分',
  countedCases: '计数案件',
  countedCasesValue: (counted, toClose) => `${counted}（${toClose} 起即关闭账户）`,
  status: '账户',
  open: '正常',
  closedBadge: '账户已关闭',
  closedSince: '关闭时间',
  closedNote: '已关闭的账户不能接新订单，也不能确认发货；既往订单的退款与结算照常进行。',
  noCases: '没有虚假发货案件。',
  casesCaption: (sellerId) => `卖家 ${sellerId} 的虚假发货案件，最早的在前`,
  colCase: '案件',
  colReferences: '关联信息',
  colConfirmed: '确认',
  colPoints: '分数',
  colStatus: '状态与申诉',
  colAction: '操作',
  storeRef: '店铺',
  orderRef: '订单',
  packageRef: '包裹',
  trackingRef: '运单号',
  taskRef: '审核任务',
  trackingFailed: '无法加载运单号',
  confirmedBy: (who) => `确认人 ${who}`,
  reviewerReason: '审核理由',
  counted: '计数中',
  reversed: '已撤销',
  reversedBy: (who) => `撤销人 ${who}`,
  decidedBy: (who) => `裁定人 ${who}`,
  appeals: '申诉裁定',
  outcome: { REVERSED: '撤销', UPHELD: '维持' },
  decideAppeal: '裁定申诉',
  decideAppealFor: (caseId) => `裁定案件 ${caseId} 的申诉`,
  noAction: '无需再裁定',
  formHeading: (shortId) => `案件 ${shortId} 的申诉`,
  outcomeLegend: '裁定结果',
  outcomeName: { REVERSED: '撤销案件', UPHELD: '维持案件' },
  reversedHint: (points, toClose) => `移除该案件的 ${points} 分；计数案件少于 ${toClose} 起时账户重新开放。`,
  upheldHint: '案件继续计数；记录裁定及其理由。',
  reason: '裁定理由',
  reasonHint: (max) => `记录在案件及审计日志中，卖家可见（最多 ${max} 字）。`,
  chooseOutcome: '请选择裁定结果。',
  submit: '记录裁定',
  decided: (shortId, outcome, sellerId, points, closed) =>
    `案件 ${shortId} 已${outcome === 'REVERSED' ? '撤销' : '维持'}：卖家 ${sellerId} 现有 ${points} 处罚分，账户${closed ? '已关闭' : '正常'}。`,
};

const MESSAGES: Record<Lang, FakeShipmentMessages> = { en, zh };

/** The page's texts in the language the console speaks now, and its Intl locale. */
export function useFakeShipmentMessages(): { f: FakeShipmentMessages; locale: string } {
  const { lang, locale } = useI18n();
  return { f: MESSAGES[lang], locale };
}
