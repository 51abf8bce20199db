/** ORD-7: order statuses in the marketplace's own vocabulary, so ERP integrators recognise them. */
export const ORDER_STATUSES = [
  'PLACE_ORDER_SUCCESS',
  'RISK_CONTROL',
  'WAIT_SELLER_SEND_GOODS',
  'SELLER_PART_SEND_GOODS',
  'WAIT_BUYER_ACCEPT_GOODS',
  'IN_CANCEL',
  'IN_ISSUE',
  'IN_FROZEN',
  'FUND_PROCESSING',
  'WAIT_SELLER_EXAMINE_MONEY',
  'FINISH',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The order state machine as data (STYLE 4): the code checks it, the tests enumerate it. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PLACE_ORDER_SUCCESS: ['RISK_CONTROL', 'WAIT_SELLER_SEND_GOODS', 'FINISH'],
  RISK_CONTROL: ['WAIT_SELLER_SEND_GOODS', 'FINISH'],
  WAIT_SELLER_SEND_GOODS: [
    'SELLER_PART_SEND_GOODS',
    'WAIT_BUYER_ACCEPT_GOODS',
    'IN_CANCEL',
    'IN_FROZEN',
    'FINISH',
  ],
  SELLER_PART_SEND_GOODS: ['WAIT_BUYER_ACCEPT_GOODS', 'IN_ISSUE', 'IN_FROZEN'],
  WAIT_BUYER_ACCEPT_GOODS: ['FUND_PROCESSING', 'IN_ISSUE', 'IN_FROZEN'],
  IN_CANCEL: ['WAIT_SELLER_SEND_GOODS', 'FINISH'],
  IN_ISSUE: ['WAIT_BUYER_ACCEPT_GOODS', 'FUND_PROCESSING', 'WAIT_SELLER_EXAMINE_MONEY', 'FINISH'],
  IN_FROZEN: ['WAIT_SELLER_SEND_GOODS', 'WAIT_BUYER_ACCEPT_GOODS', 'FUND_PROCESSING', 'FINISH'],
  FUND_PROCESSING: ['IN_ISSUE', 'IN_FROZEN', 'FINISH'],
  // DSP-3, DSP-4: the seller's inspection ends back in arbitration, or the issue closes and the status is restored.
  WAIT_SELLER_EXAMINE_MONEY: ['IN_ISSUE', 'FUND_PROCESSING', 'WAIT_BUYER_ACCEPT_GOODS', 'FINISH'],
  // DSP-4: a refund request after the release reopens a delivered order that was not cancelled.
  FINISH: ['IN_ISSUE'],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Statuses in which the order still waits for (some of) its packages to ship. */
export const AWAITING_SHIPMENT: readonly OrderStatus[] = ['WAIT_SELLER_SEND_GOODS', 'SELLER_PART_SEND_GOODS'];

/** Some lines still wait to ship. */
export const awaitsShipment = (status: OrderStatus): boolean => AWAITING_SHIPMENT.includes(status);
