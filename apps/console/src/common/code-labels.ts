import { useI18n } from '../i18n/useI18n';
import type { Lang } from '../i18n/messages';
import type { AmountProblem } from '../money/amounts';

/**
 * Labels of the API's codes that several pages show alike (look one up with labelOf): refund
 * requests (the order page, arbitration) and settlement holds (the order page, held settlements).
 */
const en = {
  refundKinds: { REFUND_ONLY: 'Refund only', RETURN_AND_REFUND: 'Return and refund' } as Record<
    string,
    string
  >,
  refundOutcomes: {
    REFUNDED: 'Refunded',
    PARTIALLY_REFUNDED: 'Partially refunded',
    NOT_REFUNDED: 'Not refunded',
  } as Record<string, string>,
  refusalReasons: {
    ITEM_AS_DESCRIBED: 'Item as described',
    DELIVERED_AS_TRACKED: 'Delivered as tracked',
    DAMAGED_BY_BUYER: 'Damaged by the buyer',
    NOT_IN_ORIGINAL_CONDITION: 'Not in original condition',
    OUTSIDE_PROTECTION_PERIOD: 'Outside the protection period',
    DUPLICATE_REQUEST: 'Duplicate request',
  } as Record<string, string>,
  /** A partial refund's amount as typed (parseAmount's problems), and one not less than asked. */
  refundAmountProblems: {
    empty: 'Enter the amount to refund.',
    format: 'Enter an amount such as 12.50 (digits and one decimal point).',
    tooManyDecimals: 'Too many decimal places for this currency.',
    notPositive: 'The amount must be more than 0.',
    tooLarge: 'The amount is too large.',
  } as Record<AmountProblem, string>,
  refundAmountNotLess: 'A partial refund is less than the amount requested.',
  holdReasons: {
    OPEN_REFUND_OR_DISPUTE: 'An open refund request or dispute',
    FAKE_SHIPMENT_CONFIRMED: 'Fake shipment confirmed',
    SELLER_ACCOUNT_CLOSED: 'Seller account closed',
  } as Record<string, string>,
  holdDecisions: { RELEASE: 'Release', KEEP_HOLDING: 'Keep holding' } as Record<string, string>,
  /** Where a refund's money was taken from. */
  takenFrom: {
    FROZEN: 'frozen funds',
    AVAILABLE: 'available funds',
    NOT_FROZEN_YET: 'funds not yet frozen',
  } as Record<string, string>,
};

export type CodeLabels = typeof en;

const zh: CodeLabels = {
  refundKinds: { REFUND_ONLY: '仅退款', RETURN_AND_REFUND: '退货退款' },
  refundOutcomes: { REFUNDED: '已退款', PARTIALLY_REFUNDED: '部分退款', NOT_REFUNDED: '未退款' },
  refusalReasons: {
    ITEM_AS_DESCRIBED: '商品与描述相符',
    DELIVERED_AS_TRACKED: '物流显示已妥投',
    DAMAGED_BY_BUYER: '买家造成损坏',
    NOT_IN_ORIGINAL_CONDITION: '商品非原始状态',
    OUTSIDE_PROTECTION_PERIOD: '超出保障期',
    DUPLICATE_REQUEST: '重复申请',
  },
  refundAmountProblems: {
    empty: '请输入退款金额。',
    format: '请输入如 12.50 的金额（数字和一个小数点）。',
    tooManyDecimals: '小数位数超过该币种允许的位数。',
    notPositive: '金额必须大于 0。',
    tooLarge: '金额过大。',
  },
  refundAmountNotLess: '部分退款金额须小于申请金额。',
  holdReasons: {
    OPEN_REFUND_OR_DISPUTE: '有未结束的退款申请或纠纷',
    FAKE_SHIPMENT_CONFIRMED: '已确认虚假发货',
    SELLER_ACCOUNT_CLOSED: '卖家账户已关闭',
  },
  holdDecisions: { RELEASE: '放款', KEEP_HOLDING: '继续暂扣' },
  takenFrom: { FROZEN: '冻结资金', AVAILABLE: '可用资金', NOT_FROZEN_YET: '尚未冻结的资金' },
};

const LABELS: Record<Lang, CodeLabels> = { en, zh };

/** The shared code labels in the language the console speaks now. */
export function useCodeLabels(): CodeLabels {
  return LABELS[useI18n().lang];
}
