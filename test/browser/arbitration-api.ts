import { randomInt } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { type APIRequestContext, type Browser, expect } from '@playwright/test';
import {
  cainiaoTrackingNumber,
  confirmShipment,
  type DemoOrderTemplate,
  type Money,
  operatorHeaders,
  placeDemoOrder,
  postTrackingEvent,
  signIn,
} from './support';

// The arbitration test's data (DSP-1..DSP-4), set up through the public API: a delivered order of
// the demo seller, the buyer's refund request with evidence (the buyer-facing team's internal
// endpoint, which the sandbox's operator may call), the seller's answer with evidence and the
// escalation. Answering and escalating are the seller's acts: they go with demo-admin's own token.

/** store-chengdu: the money and health tests count store-shenzhen's and store-hangzhou's money. */
const ARBITRATION_ORDER: DemoOrderTemplate = {
  storeId: 'store-chengdu',
  lines: [
    { sku: 'SKU-LAMP', title: 'Desk lamp', quantity: 1, unitPrice: { minor: '4999', currency: 'USD' } },
  ],
  shippingFee: { minor: '0', currency: 'USD' },
  shippingAddress: { name: 'Arbitration Buyer', line1: '9 Via Roma', city: 'Milan', country: 'IT' },
};

const DAY_MS = 86_400_000;

/** A real PNG (width × height, one colour) the browser can draw: IHDR, IDAT and IEND with their CRCs. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface EvidenceFile {
  name: string;
  mimeType: 'application/pdf' | 'image/png';
  buffer: Buffer;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/**
 * demo-admin's access token, from a sign-in of its own in a separate browser context (the console
 * keeps it in sessionStorage): the seller answers and escalates as seller staff, which the
 * sandbox's operator token may not.
 */
export async function demoSellerToken(browser: Browser, baseURL: string): Promise<string> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await signIn(page, 'demo-admin', 'demo-admin-password');
    const raw = await page.evaluate(() => sessionStorage.getItem('tradehub.session'));
    const token = (JSON.parse(raw ?? '{}') as { accessToken?: string }).accessToken;
    if (!token) throw new Error('no access token in the console session after signing in as demo-admin');
    return token;
  } finally {
    await context.close();
  }
}

/** POST /v1/disputes/evidence (multipart) with this token; answers the file's sha256. */
export async function uploadEvidence(
  request: APIRequestContext,
  headers: Record<string, string>,
  file: EvidenceFile,
): Promise<string> {
  const response = await request.post('/v1/disputes/evidence', { headers, multipart: { file } });
  return (await ok<{ sha256: string }>(response, 201)).sha256;
}

export interface RequestAnswer {
  id: string;
  marketplaceRequestId: string;
  orderId: string;
  status: string;
  requested: Money;
  escalation: { by: string; reason: string; at: string } | null;
  arbitration: { decision: string; amountMinor: string; reason: string; decidedBy: string } | null;
  outcome: string | null;
}

export interface CaseSpec {
  /** The marketplace order and request ids start with it. */
  prefix: string;
  /** The sandbox's now (epoch ms): the order was paid two days and delivered one day before it. */
  now: number;
  requested: Money;
  claim: string;
  buyerFiles: EvidenceFile[];
  /** REFUSE: the seller refuses and escalates; PARTIAL: it offers this much and the buyer declines. */
  seller:
    | { answer: 'REFUSE'; reason: string; files: EvidenceFile[]; escalation: string }
    | { answer: 'PARTIAL'; amount: Money; reason: string; files: EvidenceFile[] };
}

/**
 * An escalated refund request (DSP-4) on a delivered order of store-chengdu: opened with the
 * buyer's evidence, answered by the seller with its own, then escalated: by the seller after a
 * refusal, or by the buyer declining a partial offer. Answers the request as GET shows it.
 */
export async function escalatedCase(
  request: APIRequestContext,
  sellerToken: string,
  spec: CaseSpec,
): Promise<RequestAnswer> {
  const run = `${spec.now.toString(36)}${randomInt(46_656).toString(36)}`.toUpperCase();
  const { id: orderId } = await placeDemoOrder(request, {
    ...ARBITRATION_ORDER,
    marketplaceOrderId: `${spec.prefix}-${run}`,
    paidAt: spec.now - 2 * DAY_MS,
  });
  const trackingNumber = cainiaoTrackingNumber();
  await confirmShipment(request, orderId, trackingNumber);
  const scan = await postTrackingEvent(request, {
    eventId: `${trackingNumber}-DELIVERED`,
    trackingNumber,
    type: 'DELIVERED',
    occurredAt: spec.now - DAY_MS,
    location: 'Milan',
  });
  expect(scan.applied).toBe(1);

  const buyerEvidence: string[] = [];
  for (const file of spec.buyerFiles)
    buyerEvidence.push(await uploadEvidence(request, operatorHeaders(), file));
  const opened = await ok<RequestAnswer>(
    await request.post('/v1/disputes/requests', {
      headers: operatorHeaders(),
      data: {
        requestId: `${spec.prefix.toLowerCase()}-${run.toLowerCase()}`,
        orderId,
        kind: 'REFUND_ONLY',
        amount: spec.requested,
        reason: spec.claim,
        evidence: buyerEvidence,
      },
    }),
    201,
  );

  const seller = spec.seller;
  const sellerEvidence: string[] = [];
  for (const file of seller.files)
    sellerEvidence.push(await uploadEvidence(request, bearer(sellerToken), file));
  const answered = await ok<RequestAnswer>(
    await request.post(`/v1/disputes/requests/${opened.id}/answer`, {
      headers: bearer(sellerToken),
      data:
        seller.answer === 'REFUSE'
          ? { answer: 'REFUSE', reason: seller.reason, evidence: sellerEvidence }
          : { answer: 'PARTIAL', amount: seller.amount, reason: seller.reason, evidence: sellerEvidence },
    }),
  );
  expect(answered.status).toBe(seller.answer === 'REFUSE' ? 'REFUSED' : 'OFFERED');

  const escalated =
    seller.answer === 'REFUSE'
      ? await request.post(`/v1/disputes/requests/${opened.id}/escalation`, {
          headers: bearer(sellerToken),
          data: { reason: seller.escalation },
        })
      : await request.post(`/v1/disputes/requests/${opened.id}/offer-answer`, {
          headers: operatorHeaders(),
          data: { answer: 'DECLINE' },
        });
  const body = await ok<RequestAnswer>(escalated);
  expect(body).toMatchObject({
    status: 'ESCALATED',
    escalation: { by: seller.answer === 'REFUSE' ? 'SELLER' : 'BUYER' },
  });
  return body;
}

/** One refund request as the operator sees it (GET /v1/disputes/requests/{id}). */
export async function refundRequest(request: APIRequestContext, requestId: string): Promise<RequestAnswer> {
  return ok<RequestAnswer>(
    await request.get(`/v1/disputes/requests/${requestId}`, { headers: operatorHeaders() }),
  );
}

/** The ids of every case in the arbitration queue, all pages. */
export async function arbitrationQueueIds(request: APIRequestContext): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { id: string }[]; nextCursor: string | null } = await ok(
      await request.get('/v1/disputes/arbitration-queue', {
        headers: operatorHeaders(),
        params: { limit: '100', ...(cursor ? { cursor } : {}) },
      }),
    );
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}
