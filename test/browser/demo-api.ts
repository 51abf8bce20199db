import { randomInt } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';

// The browser tests' data, set up through the public API as the sandbox's operator.

/** The sandbox's dev operator token (playwright.config.ts reads it from the app's start-up log). */
export function operatorHeaders(): Record<string, string> {
  const token = process.env.BROWSER_OPERATOR_TOKEN;
  if (!token) throw new Error('BROWSER_OPERATOR_TOKEN is not set: run the tests with `npm test -- browser`');
  return { authorization: `Bearer ${token}` };
}

/** The sandbox's simulated now, in epoch milliseconds (it stands still unless a test advances it). */
export async function sandboxNow(request: APIRequestContext): Promise<number> {
  const response = await request.get('/v1/sandbox/clock', { headers: operatorHeaders() });
  expect(response.status(), await response.text()).toBe(200);
  return Date.parse(((await response.json()) as { now: string }).now);
}

/** The demo seller's stores and the main account each belongs to (apps/tradehub/src/demo/demo-data.ts). */
const DEMO_STORE_ACCOUNTS = {
  'store-shenzhen': 'acct-east',
  'store-hangzhou': 'acct-east',
  'store-chengdu': 'acct-west',
} as const;
export type DemoStore = keyof typeof DEMO_STORE_ACCOUNTS;
export const DEMO_STORES: readonly string[] = Object.keys(DEMO_STORE_ACCOUNTS);

export interface Money {
  minor: string;
  currency: string;
}

/** US dollars from exact minor units (cents), as the ingest API takes amounts. */
export const usd = (minor: string): Money => ({ minor, currency: 'USD' });

export interface DemoOrder {
  marketplaceOrderId: string;
  /** store-shenzhen unless given; the main account follows from the store. */
  storeId?: DemoStore;
  paidAt: Date | number;
  lines: { sku: string; title: string; quantity: number; unitPrice: Money }[];
  shippingFee: Money;
  /** The buyer pays by card from the country the order ships to. */
  shippingAddress: { name: string; line1: string; city: string; postalCode?: string; country: string };
}

/** What a test's orders share: all of a DemoOrder but its marketplace id and paid-at. */
export type DemoOrderTemplate = Omit<DemoOrder, 'marketplaceOrderId' | 'paidAt'>;

/** An order as GET and POST /v1/orders answer it (the fields the tests read). */
export interface OrderAnswer {
  id: string;
  status: string;
  deadlines: { shipBy: string };
}

/** A paid order of the demo seller, ingested as checkout sends it (its buyer named after it). */
export async function placeDemoOrder(request: APIRequestContext, order: DemoOrder): Promise<OrderAnswer> {
  const { marketplaceOrderId, storeId = 'store-shenzhen', paidAt, ...rest } = order;
  const response = await request.post('/v1/orders', {
    headers: operatorHeaders(),
    data: {
      channel: 'marketplace',
      marketplaceOrderId,
      sellerId: 'seller-demo',
      mainAccountId: DEMO_STORE_ACCOUNTS[storeId],
      storeId,
      buyerId: `buyer-${marketplaceOrderId}`,
      ...rest,
      paymentMethod: 'CARD',
      paymentCountry: rest.shippingAddress.country,
      paidAt: new Date(paidAt).toISOString(),
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as OrderAnswer;
}

/** A fresh CAINIAO tracking number: LP and 14 random digits (the carrier's pattern). */
export const cainiaoTrackingNumber = (): string =>
  `LP${String(randomInt(1e7)).padStart(7, '0')}${String(randomInt(1e7)).padStart(7, '0')}`;

/** Confirms the order's shipment under this tracking number; answers the package created. */
export async function confirmShipment(
  request: APIRequestContext,
  orderId: string,
  trackingNumber: string,
): Promise<{ id: string }> {
  const response = await request.post(`/v1/orders/${orderId}/shipments`, {
    headers: operatorHeaders(),
    data: { carrierCode: 'CAINIAO', trackingNumber },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

/** A CAINIAO scan as the logistics team reports it; answers how many packages it applied to. */
export async function postTrackingEvent(
  request: APIRequestContext,
  event: {
    eventId: string;
    trackingNumber: string;
    type: 'PICKUP' | 'IN_TRANSIT' | 'DELIVERED';
    occurredAt: Date | number;
    location: string;
  },
): Promise<{ applied: number }> {
  const response = await request.post('/v1/tracking-events', {
    headers: operatorHeaders(),
    data: { ...event, carrierCode: 'CAINIAO', occurredAt: new Date(event.occurredAt).toISOString() },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { applied: number };
}

/** Every order GET /v1/orders lists for this query, all pages, as the operator sees them. */
export async function listAllOrders(
  request: APIRequestContext,
  query: Record<string, string>,
): Promise<{ id: string; storeId: string; status: string }[]> {
  const orders: { id: string; storeId: string; status: string }[] = [];
  let cursor: string | null = null;
  do {
    const response = await request.get('/v1/orders', {
      headers: operatorHeaders(),
      params: { ...query, limit: '100', ...(cursor ? { cursor } : {}) },
    });
    expect(response.status(), await response.text()).toBe(200);
    const page = (await response.json()) as {
      items: { id: string; storeId: string; status: string }[];
      nextCursor: string | null;
    };
    orders.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return orders;
}
