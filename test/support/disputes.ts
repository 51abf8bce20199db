import { baseUrl, cainiaoNumber, tinyPdf } from './fulfillment';
import { paidOrder } from './orders';
import type { TestApp } from './test-app';

export { tinyPdf };

/** A minimal PNG: the signature, one empty IHDR-sized gap and the IEND chunk. */
export function tinyPng(): Uint8Array {
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...new Array(16).fill(0),
    0,
    0,
    0,
    0,
    0x49,
    0x45,
    0x4e,
    0x44,
    0xae,
    0x42,
    0x60,
    0x82,
  ]);
}

/** A paid order shipped under a CAINIAO number, not yet delivered. */
export async function shippedOrder(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<{ orderId: string; storeId: string; trackingNumber: string; buyerId: string }> {
  const body = paidOrder(overrides);
  const placed = await t.http.post('/v1/orders', body, await t.serviceToken());
  if (placed.status !== 201)
    throw new Error(`order refused: ${placed.status} ${JSON.stringify(placed.body)}`);
  const trackingNumber = cainiaoNumber();
  const shipped = await t.http.post(
    `/v1/orders/${placed.body.id}/shipments`,
    { carrierCode: 'CAINIAO', trackingNumber },
    await t.sellerToken([body.storeId]),
  );
  if (shipped.status !== 201)
    throw new Error(`shipment refused: ${shipped.status} ${JSON.stringify(shipped.body)}`);
  return { orderId: placed.body.id, storeId: body.storeId, trackingNumber, buyerId: body.buyerId };
}

let requestSerial = 0;

/** The buyer-facing team's request body; override what the test is about. */
export function refundRequest(orderId: string, overrides: Record<string, unknown> = {}): Record<string, any> {
  requestSerial += 1;
  return {
    requestId: `rr-${Date.now().toString(36)}-${requestSerial}`,
    orderId,
    kind: 'REFUND_ONLY',
    amount: { minor: '1000', currency: 'USD' },
    reason: 'the case arrived cracked',
    ...overrides,
  };
}

/** Opens a request through the internal endpoint and returns its body (throws unless 201). */
export async function openRequest(t: TestApp, orderId: string, overrides: Record<string, unknown> = {}) {
  const response = await t.http.post(
    '/v1/disputes/requests',
    refundRequest(orderId, overrides),
    await t.serviceToken(),
  );
  if (response.status !== 201)
    throw new Error(`request refused: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function uploadEvidence(
  t: TestApp,
  token: string,
  bytes: Uint8Array,
  fileName = 'photo.png',
  type = 'image/png',
) {
  const form = new FormData();
  form.append('file', new Blob([bytes as BlobPart], { type }), fileName);
  const response = await fetch(`${baseUrl(t)}/v1/disputes/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** Downloads an evidence file of a request as `token` sees it. */
export async function downloadEvidence(t: TestApp, token: string, requestId: string, sha256: string) {
  const response = await fetch(`${baseUrl(t)}/v1/disputes/requests/${requestId}/evidence/${sha256}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}
