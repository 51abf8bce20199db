import { randomInt } from 'node:crypto';
import { type APIRequestContext, expect } from '@playwright/test';
import { cainiaoTrackingNumber, confirmShipment, operatorHeaders, usd } from './demo-api';
import { textPdf } from './files';

// Fake-shipment cases (FUL-6 -> CMP-4) set up through the public API, for a seller of the test's
// own: the demo seller is shared by the files that run later, and a second confirmed case closes
// the seller's account (no new orders, no shipments), so none of this touches it.

/** A seller no other test knows: one main account, one store, all named after the run. */
export interface TestSeller {
  sellerId: string;
  mainAccountId: string;
  storeId: string;
}

/** A fresh id for this run: base-36 time and a random tail, upper case. */
export const runId = (): string =>
  `${Date.now().toString(36)}${randomInt(46_656).toString(36).padStart(3, '0')}`.toUpperCase();

export function testSeller(tag: string): TestSeller {
  const id = `${tag}-${runId()}`.toLowerCase();
  return { sellerId: `seller-${id}`, mainAccountId: `acct-${id}`, storeId: `store-${id}` };
}

/** What a confirmed fake shipment refers to. */
export interface ConfirmedFakeShipment {
  orderId: string;
  packageId: string;
  taskId: string;
  trackingNumber: string;
  reason: string;
}

/**
 * A paid order of the seller (paid `paidAt`), shipped under a fresh CAINIAO number; a pickup proof
 * uploaded for the package opens a proof review task (FUL-5), and the operator confirms the fake
 * shipment on it (FUL-6), which Compliance records as a case (CMP-4) a moment later.
 */
export async function confirmFakeShipment(
  request: APIRequestContext,
  seller: TestSeller,
  marketplaceOrderId: string,
  paidAt: number,
): Promise<ConfirmedFakeShipment> {
  const placed = await request.post('/v1/orders', {
    headers: operatorHeaders(),
    data: {
      channel: 'marketplace',
      marketplaceOrderId,
      sellerId: seller.sellerId,
      mainAccountId: seller.mainAccountId,
      storeId: seller.storeId,
      buyerId: `buyer-${marketplaceOrderId}`,
      lines: [{ sku: 'SKU-FAKE', title: 'Fake-shipment test item', quantity: 1, unitPrice: usd('1999') }],
      shippingFee: usd('0'),
      shippingAddress: { name: 'Case Buyer', line1: '1 Kings Road', city: 'London', country: 'GB' },
      paymentMethod: 'CARD',
      paymentCountry: 'GB',
      paidAt: new Date(paidAt).toISOString(),
    },
  });
  expect(placed.status(), await placed.text()).toBe(201);
  const { id: orderId } = (await placed.json()) as { id: string };

  const trackingNumber = cainiaoTrackingNumber();
  const { id: packageId } = await confirmShipment(request, orderId, trackingNumber);
  const uploaded = await request.post(`/v1/packages/${packageId}/proofs`, {
    headers: operatorHeaders(),
    multipart: {
      file: {
        name: 'pickup-proof.pdf',
        mimeType: 'application/pdf',
        buffer: textPdf(['CAINIAO pickup proof', `Waybill ${trackingNumber}`]),
      },
    },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const { id: taskId } = (await uploaded.json()) as { id: string };

  const reason = `No pickup record at CAINIAO for ${trackingNumber}; the proof is forged.`;
  const decided = await request.post(`/v1/review-tasks/${taskId}/decision`, {
    headers: operatorHeaders(),
    data: { decision: 'CONFIRM_FAKE_SHIPMENT', reason },
  });
  expect(decided.status(), await decided.text()).toBe(200);
  expect(await decided.json()).toMatchObject({ id: taskId, status: 'FAKE_SHIPMENT_CONFIRMED' });
  return { orderId, packageId, taskId, trackingNumber, reason };
}

/** GET /v1/compliance/penalties' account (the fields the tests read). */
export interface PenaltyAccount {
  sellerId: string;
  storeIds: string[];
  points: number;
  countedCases: number;
  casesToClose: number;
  closed: boolean;
  closedAt: string | null;
  cases: {
    caseId: string;
    orderId: string;
    packageId: string;
    taskId: string;
    points: number;
    reason: string;
    confirmedBy: string;
    counted: boolean;
    reversalReason: string | null;
    appeals: { outcome: string; reason: string }[];
  }[];
}

/** The penalty account of the store's seller, as the operator sees it (undefined: not known yet). */
export async function penaltyAccount(
  request: APIRequestContext,
  storeId: string,
): Promise<PenaltyAccount | undefined> {
  const response = await request.get('/v1/compliance/penalties', {
    headers: operatorHeaders(),
    params: { storeId },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { items: PenaltyAccount[] }).items[0];
}

/** Waits until Compliance has recorded `cases` cases on the store's seller (events take a moment). */
export async function waitForCases(
  request: APIRequestContext,
  storeId: string,
  cases: number,
): Promise<PenaltyAccount> {
  await expect
    .poll(async () => (await penaltyAccount(request, storeId))?.cases.length ?? 0, { timeout: 30_000 })
    .toBe(cases);
  return (await penaltyAccount(request, storeId))!;
}
