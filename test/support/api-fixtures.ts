import { randomBytes, randomUUID } from 'node:crypto';
import { consentGrant, createOrganisation, createStaff, staffToken } from './access';
import { withClient } from './database';
import { tinyPng } from './disputes';
import { eventually } from './eventually';
import { baseUrl, cainiaoNumber, scan, tinyPdf, uploadProof } from './fulfillment';
import { paidOrder } from './orders';
import { advanceTo } from './settlement';
import type { TestApp } from './test-app';

/**
 * Fixtures and plumbing for the tests generated from the OpenAPI document (API-2, API-3):
 * test/access/api-2-generated.e2e-spec.ts and test/access/api-3-generated.e2e-spec.ts.
 */

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One operation of the OpenAPI document, flattened. */
export interface ApiOperation {
  /** `POST /v1/orders/{orderId}/cancel` */
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  headerParams: { name: string; required: boolean }[];
  /** Request body content types (`application/json`, `multipart/form-data`); empty without a body. */
  bodyTypes: string[];
  /** Documented response statuses. */
  statuses: string[];
}

interface DocParameter {
  name: string;
  in: string;
  required?: boolean;
}

/** The document served at /docs-json, flattened to its operations (sorted by key). */
export async function apiOperations(t: TestApp): Promise<ApiOperation[]> {
  const response = await t.http.get('/docs-json');
  if (response.status !== 200) throw new Error(`/docs-json answered ${response.status}`);
  const paths = response.body.paths as Record<string, Record<string, any>>;
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const parameters: DocParameter[] = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        headerParams: parameters
          .filter((p) => p.in === 'header')
          .map((p) => ({ name: p.name, required: Boolean(p.required) })),
        bodyTypes: Object.keys(op.requestBody?.content ?? {}),
        statuses: Object.keys(op.responses ?? {}),
      });
    }
  }
  return operations.sort((a, b) => a.key.localeCompare(b.key));
}

/** `/v1/orders/{orderId}` with every parameter replaced (URL-encoded). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(value);
  });
}

/** A file for a multipart upload (`file` part). */
export interface UploadFile {
  bytes: Uint8Array;
  fileName: string;
  type: string;
}

export interface ApiAnswer {
  status: number;
  contentType: string;
  headers: Headers;
  /** Parsed JSON, or the text of another content type. */
  body: any;
}

/** One HTTP call: a JSON body, a multipart file, or nothing. */
export async function callApi(
  t: TestApp,
  method: string,
  url: string,
  options: { token?: string; body?: unknown; file?: UploadFile; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.file) {
    const form = new FormData();
    form.append(
      'file',
      new Blob([options.file.bytes as BlobPart], { type: options.file.type }),
      options.file.fileName,
    );
    body = form;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${baseUrl(t)}${url}`, {
    method,
    headers,
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let parsed: unknown = text;
  if (/json/.test(contentType) && text) parsed = JSON.parse(text);
  return { status: response.status, contentType, headers: response.headers, body: parsed };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;

/**
 * A well-formed id of the same shape as `real` that names nothing: a UUID keeps its version and
 * variant (the last 12 hex digits are new), a hex digest keeps its length, any other id gets a suffix.
 */
export function missingLike(real: string): string {
  if (UUID.test(real)) return `${real.slice(0, 24)}${randomBytes(6).toString('hex')}`;
  if (HEX.test(real))
    return randomBytes(Math.ceil(real.length / 2))
      .toString('hex')
      .slice(0, real.length);
  return `${real}-missing`;
}

/** Who owns a store: the ids an order of it carries. */
export interface StoreOwner {
  storeId: string;
  sellerId: string;
  mainAccountId: string;
}

export const storeOwner = (tag: string): StoreOwner => ({
  storeId: `store-${tag}`,
  sellerId: `seller-${tag}`,
  mainAccountId: `acct-${tag}`,
});

export interface ShippedOrder {
  orderId: string;
  packageId: string;
  trackingNumber: string;
}

let serial = 0;
const unique = (prefix: string): string => {
  serial += 1;
  return `${prefix}-${Date.now().toString(36)}-${serial}-${randomBytes(3).toString('hex')}`;
};

/** Builds the resources of one store through the API, as its seller, checkout, logistics and operators would. */
export class StoreFixtures {
  private constructor(
    readonly t: TestApp,
    readonly owner: StoreOwner,
    readonly seller: string,
    readonly service: string,
    readonly operator: string,
  ) {}

  static async of(t: TestApp, owner: StoreOwner): Promise<StoreFixtures> {
    return new StoreFixtures(
      t,
      owner,
      await t.sellerToken([owner.storeId]),
      await t.serviceToken(),
      await t.operatorToken(),
    );
  }

  /** The sandbox clock. */
  async now(): Promise<string> {
    const response = await this.t.http.get('/v1/sandbox/clock', this.operator);
    return response.body.now;
  }

  /** Moves the sandbox clock forward by `seconds` (timers fire on the way). */
  async advance(seconds: number): Promise<string> {
    const to = new Date(Date.parse(await this.now()) + seconds * 1000).toISOString();
    await advanceTo(this.t, to);
    return to;
  }

  /** The body of a paid order of this store, paid now unless overridden. */
  async orderBody(overrides: Record<string, unknown> = {}): Promise<Record<string, any>> {
    return paidOrder({
      storeId: this.owner.storeId,
      sellerId: this.owner.sellerId,
      mainAccountId: this.owner.mainAccountId,
      paidAt: await this.now(),
      ...overrides,
    });
  }

  /** ORD-1: a paid order of this store, waiting for shipment. */
  async placeOrder(overrides: Record<string, unknown> = {}): Promise<string> {
    const placed = await this.t.http.post('/v1/orders', await this.orderBody(overrides), this.service);
    expectStatus('order', placed, 201);
    return placed.body.id;
  }

  /** FUL-1: one package confirmed for the whole order, under a fresh CAINIAO number. */
  async ship(orderId: string): Promise<ShippedOrder> {
    const trackingNumber = cainiaoNumber();
    const shipped = await this.t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber },
      this.seller,
    );
    expectStatus('shipment', shipped, 201);
    return { orderId, packageId: shipped.body.id, trackingNumber };
  }

  async shippedOrder(): Promise<ShippedOrder> {
    return this.ship(await this.placeOrder());
  }

  /**
   * Orders paid and shipped now, delivered an hour later (the clock moves there), returned once
   * Settlement froze their proceeds. `beforeDelivery` runs on each shipped order first.
   */
  async deliveredOrders(
    count: number,
    beforeDelivery?: (order: ShippedOrder, index: number) => Promise<void>,
  ): Promise<ShippedOrder[]> {
    const orders: ShippedOrder[] = [];
    for (let i = 0; i < count; i++) orders.push(await this.shippedOrder());
    for (const [index, order] of orders.entries()) await beforeDelivery?.(order, index);
    const at = await this.advance(3600);
    for (const { trackingNumber } of orders) {
      await scan(this.t, { carrierCode: 'CAINIAO', trackingNumber, type: 'PICKUP', occurredAt: at });
      await scan(this.t, { carrierCode: 'CAINIAO', trackingNumber, type: 'DELIVERED', occurredAt: at });
    }
    for (const { orderId } of orders) {
      await eventually(async () => {
        const res = await this.t.http.get(`/v1/settlement/orders/${orderId}`, this.operator);
        if (res.status !== 200 || res.body.fundStatus !== 'FROZEN')
          throw new Error(`order ${orderId} not frozen yet: ${res.status} ${res.body?.fundStatus}`);
      }, 20_000);
    }
    return orders;
  }

  /** FUL-5: the seller's pickup proof for a package; returns the review task's id. */
  async proofTask(packageId: string, note = unique('proof')): Promise<string> {
    const task = await uploadProof(this.t, packageId, this.seller, tinyPdf(note));
    expectStatus('proof upload', task, 201);
    return task.body.id;
  }

  /** FUL-6: an operator confirms the package's proof forged; CMP-4 records a penalty case for the seller. */
  async confirmFakeShipment(packageId: string): Promise<string> {
    const taskId = await this.proofTask(packageId, unique('forged'));
    const decided = await this.t.http.post(
      `/v1/review-tasks/${taskId}/decision`,
      { decision: 'CONFIRM_FAKE_SHIPMENT', reason: 'waybill forged' },
      this.operator,
    );
    expectStatus('fake-shipment decision', decided, 200);
    return taskId;
  }

  /** CMP-4: the id of the seller's penalty case about `orderId`, once Compliance recorded it. */
  async penaltyCase(orderId: string): Promise<string> {
    let caseId = '';
    await eventually(async () => {
      const res = await this.t.http.get(
        `/v1/compliance/penalties?storeId=${this.owner.storeId}`,
        this.seller,
      );
      const found = (res.body?.items ?? [])
        .flatMap((a: { cases: { caseId: string; orderId: string }[] }) => a.cases)
        .find((c: { orderId: string }) => c.orderId === orderId);
      if (!found) throw new Error(`no penalty case for ${orderId} yet: ${JSON.stringify(res.body)}`);
      caseId = found.caseId;
    }, 30_000);
    return caseId;
  }

  /** DSP-1: an evidence file (a PDF unique to `note`) uploaded by `token`; returns its sha256. */
  async evidence(token = this.seller, note = unique('evidence')): Promise<string> {
    const uploaded = await callApi(this.t, 'POST', '/v1/disputes/evidence', {
      token,
      file: { bytes: tinyPdf(note), fileName: 'evidence.pdf', type: 'application/pdf' },
    });
    expectStatus('evidence upload', uploaded, 201);
    return uploaded.body.sha256;
  }

  /** The buyer-facing team's request body for `orderId`. */
  requestBody(orderId: string, overrides: Record<string, unknown> = {}): Record<string, any> {
    return {
      requestId: unique('rr'),
      orderId,
      kind: 'REFUND_ONLY',
      amount: { minor: '1000', currency: 'USD' },
      reason: 'the case arrived cracked',
      ...overrides,
    };
  }

  /** DSP-1: a buyer's request, awaiting the seller's answer. */
  async openRequest(orderId: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const opened = await this.t.http.post(
      '/v1/disputes/requests',
      this.requestBody(orderId, overrides),
      this.service,
    );
    expectStatus('refund request', opened, 201);
    return opened.body.id;
  }

  async answer(requestId: string, body: Record<string, unknown>): Promise<void> {
    const answered = await this.t.http.post(`/v1/disputes/requests/${requestId}/answer`, body, this.seller);
    expectStatus('answer', answered, 200);
  }

  /** DSP-1: a request the seller refused (with evidence); the buyer may escalate it. */
  async refusedRequest(orderId: string): Promise<string> {
    const id = await this.openRequest(orderId);
    await this.answer(id, {
      answer: 'REFUSE',
      reason: 'ITEM_AS_DESCRIBED',
      evidence: [await this.evidence()],
    });
    return id;
  }

  /** DSP-1: a request the seller answered with a partial offer; the buyer answers it. */
  async offeredRequest(orderId: string): Promise<string> {
    const id = await this.openRequest(orderId);
    await this.answer(id, {
      answer: 'PARTIAL',
      amount: { minor: '400', currency: 'USD' },
      reason: 'only the lid is cracked',
      evidence: [await this.evidence()],
    });
    return id;
  }

  /** DSP-4: a refused request the buyer escalated; an operator arbitrates it. */
  async escalatedRequest(orderId: string): Promise<string> {
    const id = await this.refusedRequest(orderId);
    const escalated = await this.t.http.post(
      `/v1/disputes/requests/${id}/escalation`,
      { reason: 'the case is cracked' },
      this.service,
    );
    expectStatus('escalation', escalated, 200);
    return id;
  }

  /** DSP-3: a return request the seller accepted: the buyer is to ship the parcel back. */
  async awaitingReturnRequest(orderId: string): Promise<string> {
    const id = await this.openRequest(orderId, {
      kind: 'RETURN_AND_REFUND',
      amount: { minor: '2800', currency: 'USD' },
    });
    await this.answer(id, { answer: 'ACCEPT' });
    return id;
  }

  /** DSP-3: a return shipped back by the buyer; returns the request and the parcel's number. */
  async returnInTransit(orderId: string): Promise<{ requestId: string; trackingNumber: string }> {
    const requestId = await this.awaitingReturnRequest(orderId);
    const trackingNumber = cainiaoNumber();
    const shipped = await this.t.http.post(
      `/v1/disputes/requests/${requestId}/return-shipment`,
      { carrierCode: 'CAINIAO', trackingNumber },
      this.service,
    );
    expectStatus('return shipment', shipped, 200);
    return { requestId, trackingNumber };
  }

  /** DSP-3: a returned parcel delivered to the seller: the inspection runs (48 h). */
  async inspectingRequest(orderId: string): Promise<string> {
    const { requestId, trackingNumber } = await this.returnInTransit(orderId);
    const delivered = await this.t.http.post(
      '/v1/disputes/return-tracking-events',
      this.returnScan(trackingNumber, await this.now()),
      this.service,
    );
    expectStatus('return scan', delivered, 200);
    await eventually(async () => {
      const res = await this.t.http.get(`/v1/disputes/requests/${requestId}`, this.seller);
      if (res.body?.status !== 'INSPECTING') throw new Error(`not inspecting yet: ${res.body?.status}`);
    });
    return requestId;
  }

  returnScan(trackingNumber: string, occurredAt: string): Record<string, string> {
    return { eventId: unique('ret'), carrierCode: 'CAINIAO', trackingNumber, type: 'DELIVERED', occurredAt };
  }

  /** REV-1: the buyer's review body for a delivered order. */
  reviewBody(orderId: string, overrides: Record<string, unknown> = {}): Record<string, any> {
    return {
      reviewId: unique('rv'),
      orderId,
      overall: 4,
      dsr: { itemAsDescribed: 5, communication: 4, shippingSpeed: 4 },
      text: 'Arrived in one piece',
      ...overrides,
    };
  }

  async review(orderId: string): Promise<string> {
    const posted = await this.t.http.post('/v1/reviews', this.reviewBody(orderId), this.service);
    expectStatus('review', posted, 201);
    return posted.body.id;
  }

  async reply(reviewId: string, text = 'Thank you!'): Promise<void> {
    const replied = await this.t.http.post(`/v1/reviews/${reviewId}/reply`, { text }, this.seller);
    expectStatus('reply', replied, 200);
  }

  /** CMP-5: the id of an open board flag of this store (any type), once one is raised. */
  async boardFlag(orderId: string): Promise<string> {
    let flagId = '';
    await eventually(async () => {
      const res = await this.t.http.get(
        `/v1/compliance/risk-board?storeId=${this.owner.storeId}&status=all`,
        this.seller,
      );
      const flag = (res.body?.items ?? []).find((f: { orderId: string }) => f.orderId === orderId);
      if (!flag) throw new Error(`no flag of ${orderId} yet: ${JSON.stringify(res.body)}`);
      flagId = flag.id;
    }, 30_000);
    return flagId;
  }

  /** SET-1..3: moves the clock to the order's release instant and waits until the money is available. */
  async release(orderId: string): Promise<void> {
    const settled = await this.t.http.get(`/v1/settlement/orders/${orderId}`, this.operator);
    expectStatus('settlement order', settled, 200);
    await advanceTo(this.t, new Date(Date.parse(settled.body.releaseAt) + 1000).toISOString());
    await eventually(async () => {
      const res = await this.t.http.get(`/v1/settlement/orders/${orderId}`, this.operator);
      if (res.body?.fundStatus !== 'RELEASED') throw new Error(`not released yet: ${res.body?.fundStatus}`);
    }, 20_000);
  }

  /** SET-2: waits until the order's settlement review holds its money. */
  async held(orderId: string): Promise<void> {
    await eventually(async () => {
      const res = await this.t.http.get(`/v1/settlement/orders/${orderId}`, this.operator);
      if (res.body?.fundStatus !== 'HELD') throw new Error(`not held yet: ${res.body?.fundStatus}`);
    }, 20_000);
  }

  /** SET-4: a withdrawal of `minor` USD cents from the available balance; returns its id. */
  async withdraw(minor = '100'): Promise<string> {
    const paid = await this.t.http.post(
      '/v1/settlement/withdrawals',
      { storeId: this.owner.storeId, amount: { minor, currency: 'USD' } },
      this.seller,
      { 'Idempotency-Key': randomUUID() },
    );
    expectStatus('withdrawal', paid, 201);
    return paid.body.id;
  }
}

/**
 * API-2's fixtures: one of every resource a path parameter of the document names, in one store,
 * plus a resource per mutating route for the owner's own call (a first call, so it succeeds).
 */
export interface ScopedFixtures {
  storeId: string;
  sellerId: string;
  mainAccountId: string;
  /** Delivered, with a package with tracking events, a settlement record, a review with a reply and a request. */
  order: string;
  package: string;
  trackingNumber: string;
  /** A review task opened by a pickup proof upload. */
  task: string;
  /** A refund request naming a buyer's evidence file, and that file's sha256. */
  request: string;
  evidence: string;
  review: string;
  /** An open compliance board flag (the unshipped order's missed deadline). */
  flag: string;
  unshippedOrder: string;
  /** A penalty case (a confirmed fake shipment) and its order. */
  penaltyCase: string;
  fakeShipmentOrder: string;
  withdrawal: string;
  /** For the owner's mutating calls: an order to cancel, one to ship, a package without proof. */
  orderToCancel: string;
  orderToShip: string;
  packageToProve: string;
  /** Requests awaiting an answer, refused (to escalate) and inspecting (a returned parcel). */
  requestToAnswer: string;
  requestToEscalate: string;
  requestToInspect: string;
  /** A review without a reply yet. */
  reviewToReply: string;
}

/** Builds ScopedFixtures in the owner's store, through the API. Moves the sandbox clock about 7 days. */
export async function buildScopedFixtures(t: TestApp, owner: StoreOwner): Promise<ScopedFixtures> {
  const f = await StoreFixtures.of(t, owner);
  // Week 1: an order left unshipped (its deadline passes: board flags), a confirmed fake shipment
  // (a penalty case) and a delivered order whose money is released, then withdrawn in part.
  const unshippedOrder = await f.placeOrder();
  const fake = await f.shippedOrder();
  await f.confirmFakeShipment(fake.packageId);
  const [released] = await f.deliveredOrders(1);
  await f.release(released!.orderId);
  const withdrawal = await f.withdraw('500');
  const penaltyCase = await f.penaltyCase(fake.orderId);
  const flag = await f.boardFlag(unshippedOrder);

  // Now: delivered orders for reviews and requests, shipped and unshipped ones for the owner's calls.
  const [main, forReply, forAnswer, forEscalation, forInspection] = await f.deliveredOrders(5);
  const buyerEvidence = await f.evidence(f.service);
  const request = await f.openRequest(main!.orderId, { evidence: [buyerEvidence] });
  const review = await f.review(main!.orderId);
  await f.reply(review);
  const reviewToReply = await f.review(forReply!.orderId);
  const requestToAnswer = await f.openRequest(forAnswer!.orderId);
  const requestToEscalate = await f.refusedRequest(forEscalation!.orderId);
  const requestToInspect = await f.inspectingRequest(forInspection!.orderId);
  const proved = await f.shippedOrder();
  const task = await f.proofTask(proved.packageId);
  const packageToProve = (await f.shippedOrder()).packageId;
  const orderToCancel = await f.placeOrder();
  const orderToShip = await f.placeOrder();
  return {
    ...owner,
    order: main!.orderId,
    package: main!.packageId,
    trackingNumber: main!.trackingNumber,
    task,
    request,
    evidence: buyerEvidence,
    review,
    flag,
    unshippedOrder,
    penaltyCase,
    fakeShipmentOrder: fake.orderId,
    withdrawal,
    orderToCancel,
    orderToShip,
    packageToProve,
    requestToAnswer,
    requestToEscalate,
    requestToInspect,
    reviewToReply,
  };
}

/**
 * API-2's fixtures of the partner-access directory: the store's organisation (it owns the store's
 * main account and the store), its staff and the grants its admin gave a partner app. For the
 * access routes the boundary is the organisation: its admin is the store's seller_staff caller.
 */
export interface OrganisationFixtures {
  organisationId: string;
  adminStaffId: string;
  adminUsername: string;
  /** A read-only member. */
  staff: string;
  staffUsername: string;
  /** A partner app the admin granted access (registered by an operator for this organisation's tests). */
  clientId: string;
  /** Its live grant. */
  grant: string;
  /** For the owner's mutating calls: a member to change, a grant to reshape, one to revoke (each of its own app). */
  staffToChange: string;
  grantToChange: string;
  grantToRevoke: string;
}

/**
 * Builds OrganisationFixtures for `owner` (organisation `org-<tag>`, owning the owner's main account
 * and store) through the API, and answers them with its admin's token for the store: a seller_staff
 * dev token whose subject is the admin's staff id.
 */
export async function buildOrganisationFixtures(
  t: TestApp,
  owner: StoreOwner,
  tag: string,
): Promise<{ fixtures: OrganisationFixtures; adminToken: string }> {
  const organisation = await createOrganisation(t, {
    id: `org-${tag}`,
    mainAccounts: [{ id: owner.mainAccountId, stores: [owner.storeId] }],
  });
  const admin = organisation.admin;
  const adminToken = await staffToken(t, admin.staffId, [owner.storeId]);
  const staff = await createStaff(t, adminToken, { username: `${tag}-clerk`, roles: ['read_only'] });
  const staffToChange = await createStaff(t, adminToken, {
    username: `${tag}-to-change`,
    roles: ['read_only'],
  });
  // An app holds one grant per organisation (a new consent replaces the earlier): one app per grant.
  const grantOfNewApp = async (suffix: string) => {
    const clientId = `app-${tag}${suffix}`;
    const registered = await t.http.post(
      '/v1/access/apps',
      {
        clientId,
        name: `Partner app of ${tag}${suffix}`,
        kind: 'partner',
        redirectUris: ['http://127.0.0.1:9/cb'],
        scopes: ['orders:read'],
      },
      await t.operatorToken(),
    );
    expectStatus('app registration', registered, 201);
    const { grantId } = await consentGrant(t, {
      clientId,
      clientSecret: registered.body.clientSecret,
      admin,
      stores: [owner.storeId],
    });
    return { clientId, grantId };
  };
  const { clientId, grantId: grant } = await grantOfNewApp('');
  const { grantId: grantToChange } = await grantOfNewApp('-change');
  const { grantId: grantToRevoke } = await grantOfNewApp('-revoke');
  if (new Set([grant, grantToChange, grantToRevoke]).size !== 3)
    throw new Error(`the consents share a grant: ${grant}, ${grantToChange}, ${grantToRevoke}`);
  return {
    adminToken,
    fixtures: {
      organisationId: organisation.id,
      adminStaffId: admin.staffId,
      adminUsername: admin.username,
      staff: staff.staffId,
      staffUsername: staff.username,
      clientId,
      grant: grant!,
      staffToChange: staffToChange.staffId,
      grantToChange: grantToChange!,
      grantToRevoke: grantToRevoke!,
    },
  };
}

/**
 * JSON with every object's keys sorted, to compare answers by value: a replayed answer comes back
 * from PostgreSQL's jsonb, which keeps its own key order (the same JSON value, not the same text).
 */
export function canonical(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sorted(value) ?? null);
}

/** Counts rows with direct SQL (for "no second effect" checks). */
export async function countRows(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  return withClient(t.databaseUrl, async (c) => Number((await c.query(sql, params)).rows[0].count));
}

/** CMP-6: the audit records a request left (by the request id it was sent with). */
export function auditedBy(t: TestApp, requestId: string): Promise<number> {
  return countRows(t, 'select count(*) from platform.audit_log where request_id = $1', [requestId]);
}

/** A minimal PNG (evidence content is recognised by its signature). */
export { tinyPng, tinyPdf };

function expectStatus(what: string, response: { status: number; body?: unknown }, status: number): void {
  if (response.status !== status)
    throw new Error(`${what} refused: ${response.status} ${JSON.stringify(response.body)}`);
}
