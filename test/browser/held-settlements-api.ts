import { type APIRequestContext, expect } from '@playwright/test';
import {
  cainiaoTrackingNumber,
  confirmShipment,
  type DemoOrderTemplate,
  operatorHeaders,
  placeDemoOrder,
  postTrackingEvent,
  usd,
} from './support';

// Held settlements for the browser tests, set up through the public API with the operator token as
// money.pw.ts does it, the sandbox clock never moved: an order of the demo seller with a refund
// request open in Settlement is shipped and scanned DELIVERED days before the sandbox's now, so its
// day-5 risk review (SET-2) runs at once and holds the money (SET-3).

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export interface HoldDecisionRecord {
  decision: string;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

/** GET /v1/settlement/orders/{orderId}, the fields the tests read. */
export interface Settlement {
  orderId: string;
  storeId: string;
  fundStatus: string;
  total: { minor: string; currency: string };
  frozen: { minor: string; currency: string };
  released: { minor: string; currency: string };
  deliveredAt: string | null;
  reviewedAt: string | null;
  releaseAt: string | null;
  releasedAt: string | null;
  holdReasons: string[];
  decisions: HoldDecisionRecord[];
}

/** The held orders: store-shenzhen's, all alike but for their ids, quantities and paid-at. */
const HELD_ORDER: DemoOrderTemplate = {
  storeId: 'store-shenzhen',
  lines: [{ sku: 'SKU-HELD', title: 'Held settlement item', quantity: 1, unitPrice: usd('3150') }],
  shippingFee: usd('250'),
  shippingAddress: { name: 'Held Buyer', line1: '12 Via Roma', city: 'Milan', country: 'IT' },
};

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

/** The order's settlement timeline, or null while Settlement has not heard of its delivery. */
export async function settlementOf(request: APIRequestContext, orderId: string): Promise<Settlement | null> {
  const response = await request.get(`/v1/settlement/orders/${orderId}`, { headers: operatorHeaders() });
  if (response.status() === 404) return null;
  return ok<Settlement>(response);
}

/** A refund request or dispute on the order opened or closed, as the disputes team reports it (SET-2). */
export async function reportOrderIssue(
  request: APIRequestContext,
  orderId: string,
  issueId: string,
  status: 'OPEN' | 'CLOSED',
): Promise<void> {
  await ok(
    await request.post('/v1/settlement/order-issues', {
      headers: operatorHeaders(),
      data: { issueId, orderId, status },
    }),
  );
}

export interface HeldOrder {
  orderId: string;
  issueId: string;
  settlement: Settlement;
}

/**
 * An order paid a day before its delivery `deliveredDaysAgo` days before `now` (the sandbox's),
 * its refund request open when the review ran: once Settlement has it, its review is HELD with
 * OPEN_REFUND_OR_DISPUTE. Eight days ago: day 7's release time has passed (a release is at once);
 * six: the review has run but day 7's 10:00 UTC is still ahead.
 */
export async function placeHeldOrder(
  request: APIRequestContext,
  options: { marketplaceOrderId: string; now: number; deliveredDaysAgo: number; quantity: number },
): Promise<HeldOrder> {
  const { marketplaceOrderId, now, deliveredDaysAgo, quantity } = options;
  const deliveredAt = now - deliveredDaysAgo * DAY_MS;
  const { id: orderId } = await placeDemoOrder(request, {
    ...HELD_ORDER,
    lines: HELD_ORDER.lines.map((line) => ({ ...line, quantity })),
    marketplaceOrderId,
    paidAt: deliveredAt - DAY_MS,
  });
  const issueId = `held-${marketplaceOrderId.toLowerCase()}`;
  await reportOrderIssue(request, orderId, issueId, 'OPEN');

  const trackingNumber = cainiaoTrackingNumber();
  await confirmShipment(request, orderId, trackingNumber);
  const scan = await postTrackingEvent(request, {
    eventId: `${trackingNumber}-DELIVERED`,
    trackingNumber,
    type: 'DELIVERED',
    occurredAt: deliveredAt,
    location: 'Milan',
  });
  expect(scan.applied).toBe(1);

  await expect
    .poll(async () => (await settlementOf(request, orderId))?.fundStatus, { timeout: 30_000 })
    .toBe('HELD');
  const settlement = (await settlementOf(request, orderId))!;
  expect(settlement.holdReasons).toEqual(['OPEN_REFUND_OR_DISPUTE']);
  return { orderId, issueId, settlement };
}

/** A US-dollar amount as the page shows it (the console's English locale, `en`), from exact cents. */
export function usdText(money: { minor: string; currency: string }): string {
  expect(money.currency).toBe('USD');
  const text = BigInt(money.minor).toString();
  const negative = text.startsWith('-');
  const padded = (negative ? text.slice(1) : text).padStart(3, '0');
  const decimal = `${negative ? '-' : ''}${padded.slice(0, -2)}.${padded.slice(-2)}`;
  return new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(decimal as `${number}`);
}
