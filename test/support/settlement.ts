import { eventually } from './eventually';
import { auditedEvents } from './audit';
import { cainiaoNumber, scan } from './fulfillment';
import { paidOrder } from './orders';
import type { TestApp } from './test-app';

/** Moves the sandbox clock to `iso`, firing every timer due on the way. */
export async function advanceTo(t: TestApp, iso: string): Promise<void> {
  const response = await t.http.post('/v1/sandbox/clock/advance', { to: iso }, await t.operatorToken());
  if (response.status !== 200)
    throw new Error(`advance failed: ${response.status} ${JSON.stringify(response.body)}`);
}

/**
 * A paid order shipped and delivered at `deliveredAt` (the sandbox clock moved there), returned once
 * Settlement froze its proceeds. Total = lines + shipping of `paidOrder` unless overridden.
 */
export async function deliveredOrder(
  t: TestApp,
  deliveredAt: string,
  overrides: Record<string, unknown> = {},
  beforeDelivery?: (packageId: string, seller: string) => Promise<void>,
): Promise<{ orderId: string; storeId: string }> {
  const body = paidOrder(overrides);
  const service = await t.serviceToken();
  const placed = await t.http.post('/v1/orders', body, service);
  if (placed.status !== 201)
    throw new Error(`order refused: ${placed.status} ${JSON.stringify(placed.body)}`);
  const orderId: string = placed.body.id;
  const seller = await t.sellerToken([body.storeId]);
  const trackingNumber = cainiaoNumber();
  const shipped = await t.http.post(
    `/v1/orders/${orderId}/shipments`,
    { carrierCode: 'CAINIAO', trackingNumber },
    seller,
  );
  if (shipped.status !== 201)
    throw new Error(`shipment refused: ${shipped.status} ${JSON.stringify(shipped.body)}`);
  await beforeDelivery?.(shipped.body.id, seller);
  await advanceTo(t, deliveredAt);
  await scan(t, { carrierCode: 'CAINIAO', trackingNumber, type: 'PICKUP', occurredAt: deliveredAt });
  await scan(t, { carrierCode: 'CAINIAO', trackingNumber, type: 'DELIVERED', occurredAt: deliveredAt });
  await eventually(async () => {
    const res = await t.http.get(`/v1/settlement/orders/${orderId}`, await t.operatorToken());
    if (res.status !== 200 || res.body.fundStatus !== 'FROZEN')
      throw new Error(`not frozen yet: ${res.status}`);
  }, 20_000);
  return { orderId, storeId: body.storeId };
}

/** The store's balances in one currency, as strings of minor units. */
export async function balances(t: TestApp, storeId: string, currency = 'USD') {
  const res = await t.http.get(`/v1/settlement/balances?storeId=${storeId}`, await t.sellerToken([storeId]));
  const row = (res.body as any[]).find((b) => b.currency === currency);
  return row ?? { storeId, currency, frozen: '0', available: '0', payoutInTransit: '0' };
}

/** CMP-6 for Settlement (see auditedEvents). */
export const auditedSettlementEvents = (t: TestApp) => auditedEvents(t, 'settlement');
