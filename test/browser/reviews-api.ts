import { type APIRequestContext, expect } from '@playwright/test';
import {
  cainiaoTrackingNumber,
  confirmShipment,
  type DemoOrderTemplate,
  type DemoStore,
  operatorHeaders,
  placeDemoOrder,
  postTrackingEvent,
} from './demo-api';

// The reviews browser test's data (test/browser/reviews.pw.ts), set up through the public API as
// the sandbox's operator, with the sandbox clock left where it is.

const HOUR_MS = 3_600_000;

/** A review as GET /v1/reviews/{id} answers it. */
export interface ReviewAnswer {
  id: string;
  orderId: string;
  storeId: string;
  overall: number;
  dsr: { itemAsDescribed: number; communication: number; shippingSpeed: number };
  text: string;
  reviewedAt: string;
  reply: string | null;
  repliedAt: string | null;
}

export interface DsrFigureAnswer {
  dimension: 'ITEM_AS_DESCRIBED' | 'COMMUNICATION' | 'SHIPPING_SPEED';
  reviews: number;
  mean: string | null;
  deduction: string;
  strikes: number;
  shown: string | null;
}

/** One store's figures as GET /v1/reviews/ratings answers them. */
export interface StoreRatingsAnswer {
  storeId: string;
  windowDays: number;
  reviews: number;
  positive: number;
  positiveRate: string | null;
  dsr: DsrFigureAnswer[];
}

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** REV-3..5 of one store now, as the operator reads them. */
export async function storeRatings(request: APIRequestContext, storeId: string): Promise<StoreRatingsAnswer> {
  const overview = await ok<{ stores: StoreRatingsAnswer[] }>(
    await request.get('/v1/reviews/ratings', { headers: operatorHeaders(), params: { storeId } }),
  );
  const store = overview.stores.find((s) => s.storeId === storeId);
  expect(store, `ratings of ${storeId}`).toBeDefined();
  return store!;
}

/** The store's late-shipment strikes in the REV-5 window, as Reviews counts them. */
export async function strikesOf(request: APIRequestContext, storeId: string): Promise<number> {
  const ratings = await storeRatings(request, storeId);
  return ratings.dsr.find((f) => f.dimension === 'SHIPPING_SPEED')?.strikes ?? 0;
}

export async function getReview(request: APIRequestContext, reviewId: string): Promise<ReviewAnswer> {
  return ok<ReviewAnswer>(await request.get(`/v1/reviews/${reviewId}`, { headers: operatorHeaders() }));
}

/**
 * An order paid six hours before `now` and shipped only once its 4-hour deadline had passed
 * (ORD-2: flagged late, a strike for its store, ORD-4), then delivered a minute before `now`:
 * reviewable (REV-1). Answers the order's id.
 */
export async function lateDeliveredOrder(
  request: APIRequestContext,
  order: DemoOrderTemplate & { storeId: DemoStore },
  marketplaceOrderId: string,
  now: number,
): Promise<string> {
  const { id } = await placeDemoOrder(request, { ...order, marketplaceOrderId, paidAt: now - 6 * HOUR_MS });
  const read = async () =>
    ok<{ deadlines: { lateShipment: boolean }; deliveredAt: string | null }>(
      await request.get(`/v1/orders/${id}`, { headers: operatorHeaders() }),
    );
  // The deadline's timer is due at once: the order is flagged late before it ships.
  await expect.poll(async () => (await read()).deadlines.lateShipment, { timeout: 30_000 }).toBe(true);
  const trackingNumber = cainiaoTrackingNumber();
  await confirmShipment(request, id, trackingNumber);
  const scan = await postTrackingEvent(request, {
    eventId: `${trackingNumber}-DELIVERED`,
    trackingNumber,
    type: 'DELIVERED',
    occurredAt: now - 60_000,
    location: order.shippingAddress.city,
  });
  expect(scan.applied).toBe(1);
  await expect.poll(async () => (await read()).deliveredAt, { timeout: 30_000 }).not.toBeNull();
  return id;
}

/** REV-1: the buyer's review of a delivered order, as the buyer-facing team sends it. */
export async function postReview(
  request: APIRequestContext,
  review: {
    reviewId: string;
    orderId: string;
    overall: number;
    dsr: { itemAsDescribed: number; communication: number; shippingSpeed: number };
    text: string;
  },
): Promise<ReviewAnswer> {
  return ok<ReviewAnswer>(
    await request.post('/v1/reviews', { headers: operatorHeaders(), data: review }),
    201,
  );
}
