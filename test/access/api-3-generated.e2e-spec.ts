import { randomUUID } from 'node:crypto';
import {
  consentGrant,
  createOrganisation,
  type CreatedAdmin,
  createStaff,
  staffToken,
} from '../support/access';
import { withClient } from '../support/database';
import { baseUrl, cainiaoNumber } from '../support/fulfillment';
import { basicAuth, tokenRequest } from '../support/oauth-browser';
import {
  apiOperations,
  auditedBy,
  callApi,
  canonical,
  countRows,
  MUTATING_METHODS,
  type ApiAnswer,
  type ApiOperation,
  type ShippedOrder,
  StoreFixtures,
  storeOwner,
  tinyPdf,
  type UploadFile,
} from '../support/api-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * API-3 for every mutating operation of the OpenAPI document (served at /docs-json), except the
 * sandbox's clock: the document declares the Idempotency-Key header, and a retry with the same key
 * and body answers exactly the first answer (`idempotent-replayed: true`) with no second effect.
 * Multipart uploads, where the key is not used, are idempotent on the file's content instead.
 * One exception by design: a client secret is shown once (`@SecretInAnswer`), so the replay of the
 * two calls that hand one out (registering an app, rotating its secret) answers the first answer
 * without it (`shownOnce` below), and the secret of the first answer keeps working.
 * A mutating route nobody gave a case here fails, so a new route cannot escape the check.
 */

/** Left out: the sandbox's clock is a test instrument, not part of the API a partner calls. */
const EXCLUDED = (op: ApiOperation): boolean => op.path.startsWith('/v1/sandbox/');

/** One call of a case: who, where, what; `observe` reads the effect the call has (a count, a state). */
interface Call {
  token: string;
  url: string;
  json?: Record<string, unknown>;
  file?: UploadFile;
  observe?: () => Promise<unknown>;
  /**
   * A deterministic refusal expected instead of a 2xx first answer (e.g. a route whose valid call
   * needs state the suite cannot build): the retry must answer the same status and problem code,
   * and nothing changes. A refusal is not stored under the key (it changed nothing to replay).
   */
  refusal?: number;
  /**
   * Top-level fields shown once (`@SecretInAnswer`: a client secret), by design not kept under the
   * key: the first answer carries them, and the replay answers the first answer WITHOUT them
   * (same status, `idempotent-replayed: true`). So the replay must lack each of them and equal the
   * first answer minus them. Only the routes that hand out a client secret set this.
   */
  shownOnce?: string[];
  /** Checks after the retry that need the first answer (e.g. the secret it showed still works): the problems. */
  afterRetry?: (first: ApiAnswer) => Promise<string[]>;
}

interface Context {
  t: TestApp;
  f: StoreFixtures;
  /** A delivered order nobody used yet (its money frozen). */
  delivered(): ShippedOrder;
  /** A delivered order whose settlement review holds its money (a confirmed fake shipment). */
  heldOrder: string;
  /** The penalty case that fake shipment cost the seller. */
  penaltyCase: string;
  /** Partner access: the organisation owning the suite's store, and its admin's token (seller_staff). */
  org: { id: string; mainAccountId: string; storeId: string; admin: CreatedAdmin; adminToken: string };
  /** A partner app the organisation's admin grants access to (a fresh grant per case). */
  partner: { clientId: string; clientSecret: string };
}

const PASSWORD = 'api3-password-of-a-staff-member';
const fresh = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8)}`;

/** One row of direct SQL (for effects that are not counts), or null. */
const row = (t: TestApp, sql: string, params: unknown[]): Promise<Record<string, unknown> | null> =>
  withClient(t.databaseUrl, async (c) => (await c.query(sql, params)).rows[0] ?? null);

/** A partner-access row's version and its audit records: applying a change again shows in both. */
const versionAndAudits = (t: TestApp, table: string, key: string, id: string) =>
  row(
    t,
    `select version, (select count(*)::int from platform.audit_log where subject_id = $1::text) as audits
       from access.${table} where ${key}::text = $1::text`,
    [id],
  );

/** A service app (client credentials, scope orders:write) registered by an operator: its id and secret. */
async function serviceApp({ t, f }: Context): Promise<{ clientId: string; clientSecret: string }> {
  const registered = await t.http.post(
    '/v1/access/apps',
    {
      clientId: fresh('svc-api3'),
      name: 'API-3 service',
      kind: 'service',
      redirectUris: [],
      scopes: ['orders:write'],
    },
    f.operator,
  );
  if (registered.status !== 201)
    throw new Error(`service app refused: ${registered.status} ${JSON.stringify(registered.body)}`);
  return { clientId: registered.body.clientId, clientSecret: registered.body.clientSecret };
}

/** The token endpoint's status for client credentials with `secret` (200: the secret works; 401: it does not). */
const clientCredentials = async (t: TestApp, clientId: string, secret: string): Promise<number> =>
  (
    await tokenRequest(
      baseUrl(t),
      '/oauth/token',
      { grant_type: 'client_credentials', scope: 'orders:write' },
      basicAuth(clientId, secret),
    )
  ).status;

/** The client secret of a first answer works after the replay: nothing rotated it again. */
const secretStillWorks =
  (t: TestApp, clientId: string) =>
  async (first: ApiAnswer): Promise<string[]> => {
    const status = await clientCredentials(t, clientId, String(first.body?.clientSecret));
    return status === 200 ? [] : [`the first answer's secret no longer works after the replay: ${status}`];
  };

/** A fresh grant of the partner app by the organisation's admin, on the suite's store. */
const freshGrant = async ({ t, org, partner }: Context): Promise<string> =>
  (await consentGrant(t, { ...partner, admin: org.admin, stores: [org.storeId] })).grantId;

const outboxCount = (t: TestApp, type: string, field: string, value: string) =>
  countRows(t, 'select count(*) from platform.outbox where type = $1 and payload->>$2 = $3', [
    type,
    field,
    value,
  ]);

/** A first call per mutating operation, built on fresh fixtures; keyed by `METHOD /path` as the document names it. */
const CASES: Record<string, (c: Context) => Promise<Call>> = {
  'POST /v1/orders': async ({ t, f }) => {
    const json = await f.orderBody();
    return {
      token: f.service,
      url: '/v1/orders',
      json,
      observe: () =>
        countRows(t, 'select count(*) from orders.orders where marketplace_order_id = $1', [
          json.marketplaceOrderId,
        ]),
    };
  },
  'POST /v1/orders/{orderId}/cancel': async ({ t, f }) => {
    const orderId = await f.placeOrder();
    return {
      token: f.seller,
      url: `/v1/orders/${orderId}/cancel`,
      json: { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
      observe: () => outboxCount(t, 'tradehub.orders.order-cancelled', 'orderId', orderId),
    };
  },
  'POST /v1/orders/{orderId}/shipments': async ({ t, f }) => {
    const orderId = await f.placeOrder();
    return {
      token: f.seller,
      url: `/v1/orders/${orderId}/shipments`,
      json: { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
      observe: () => countRows(t, 'select count(*) from fulfillment.packages where order_id = $1', [orderId]),
    };
  },
  'POST /v1/shipments/batch': async ({ t, f }) => {
    const orderId = await f.placeOrder();
    return {
      token: f.seller,
      url: '/v1/shipments/batch',
      json: { items: [{ orderId, carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() }] },
      observe: () => countRows(t, 'select count(*) from fulfillment.packages where order_id = $1', [orderId]),
    };
  },
  'POST /v1/tracking-events': async ({ t, f }) => {
    const { packageId, trackingNumber } = await f.shippedOrder();
    return {
      token: f.service,
      url: '/v1/tracking-events',
      json: {
        eventId: `ev-${randomUUID()}`,
        carrierCode: 'CAINIAO',
        trackingNumber,
        type: 'PICKUP',
        occurredAt: await f.now(),
      },
      observe: () =>
        countRows(t, 'select count(*) from fulfillment.tracking_events where package_id = $1', [packageId]),
    };
  },
  'POST /v1/packages/{packageId}/proofs': async ({ t, f }) => {
    const { packageId } = await f.shippedOrder();
    return {
      token: f.seller,
      url: `/v1/packages/${packageId}/proofs`,
      file: { bytes: tinyPdf(`proof ${packageId}`), fileName: 'proof.pdf', type: 'application/pdf' },
      observe: () =>
        countRows(t, 'select count(*) from fulfillment.review_tasks where package_id = $1', [packageId]),
    };
  },
  'POST /v1/review-tasks/{taskId}/decision': async ({ t, f }) => {
    const taskId = await f.proofTask((await f.shippedOrder()).packageId);
    return {
      token: f.operator,
      url: `/v1/review-tasks/${taskId}/decision`,
      json: { decision: 'REJECT', reason: 'slip unreadable' },
      observe: () => outboxCount(t, 'tradehub.fulfillment.review-task-decided', 'taskId', taskId),
    };
  },
  'POST /v1/settlement/fx-quotes': async ({ t, f }) => ({
    token: f.seller,
    url: '/v1/settlement/fx-quotes',
    json: { storeId: f.owner.storeId, from: 'USD' },
    observe: () =>
      countRows(t, 'select count(*) from settlement.fx_quotes where store_id = $1', [f.owner.storeId]),
  }),
  'POST /v1/settlement/withdrawals': async ({ t, f }) => ({
    token: f.seller,
    url: '/v1/settlement/withdrawals',
    json: { storeId: f.owner.storeId, amount: { minor: '100', currency: 'USD' } },
    observe: () =>
      countRows(t, 'select count(*) from settlement.withdrawals where store_id = $1', [f.owner.storeId]),
  }),
  'POST /v1/settlement/orders/{orderId}/hold-decision': async ({ t, f, heldOrder }) => ({
    token: f.operator,
    url: `/v1/settlement/orders/${heldOrder}/hold-decision`,
    json: { decision: 'KEEP_HOLDING', reason: 'case under appeal' },
    observe: async () =>
      (await t.http.get(`/v1/settlement/orders/${heldOrder}`, f.operator)).body.decisions.length,
  }),
  'PUT /v1/settlement/fx-rates': async ({ t, f }) => {
    const asOf = await f.now();
    return {
      token: f.operator,
      url: '/v1/settlement/fx-rates',
      json: { from: 'EUR', to: 'CNY', rate: '7.8', asOf },
      observe: () =>
        countRows(t, `select count(*) from settlement.fx_rates where from_currency = 'EUR' and as_of = $1`, [
          asOf,
        ]),
    };
  },
  'POST /v1/settlement/order-issues': async ({ t, f, delivered }) => {
    const { orderId } = delivered();
    return {
      token: f.service,
      url: '/v1/settlement/order-issues',
      json: { issueId: `dsp-${randomUUID()}`, orderId, status: 'OPEN' },
      observe: () =>
        countRows(
          t,
          'select coalesce(sum(cardinality(open_issues)), 0) as count from settlement.order_signals where order_id = $1',
          [orderId],
        ),
    };
  },
  'PUT /v1/settlement/seller-accounts/{sellerId}': async ({ t, f }) => {
    // Another seller of the platform (closing this suite's own would hold its money).
    const sellerId = `seller-api3-closed-${randomUUID().slice(0, 8)}`;
    return {
      token: f.operator,
      url: `/v1/settlement/seller-accounts/${sellerId}`,
      json: { closed: true, reason: 'second confirmed fake-shipment case' },
      observe: () =>
        countRows(t, 'select count(*) from settlement.seller_accounts where seller_id = $1', [sellerId]),
    };
  },
  'POST /v1/settlement/refunds': async ({ t, f, delivered }) => {
    const { orderId } = delivered();
    return {
      token: f.service,
      url: '/v1/settlement/refunds',
      json: { refundId: `rf-${randomUUID()}`, orderId, amount: { minor: '100', currency: 'USD' } },
      observe: async () =>
        (await t.http.get(`/v1/settlement/orders/${orderId}`, f.operator)).body.refunds.length,
    };
  },
  'POST /v1/disputes/requests': async ({ t, f, delivered }) => {
    const { orderId } = delivered();
    return {
      token: f.service,
      url: '/v1/disputes/requests',
      json: f.requestBody(orderId),
      observe: () =>
        countRows(t, 'select count(*) from disputes.refund_requests where order_id = $1', [orderId]),
    };
  },
  'POST /v1/disputes/requests/{requestId}/answer': async ({ t, f, delivered }) => {
    const requestId = await f.openRequest(delivered().orderId);
    return {
      token: f.seller,
      url: `/v1/disputes/requests/${requestId}/answer`,
      json: { answer: 'ACCEPT' },
      observe: () => outboxCount(t, 'tradehub.disputes.seller-answered', 'requestId', requestId),
    };
  },
  'POST /v1/disputes/requests/{requestId}/inspection': async ({ t, f, delivered }) => {
    const requestId = await f.inspectingRequest(delivered().orderId);
    return {
      token: f.seller,
      url: `/v1/disputes/requests/${requestId}/inspection`,
      json: { decision: 'FULL' },
      observe: () => outboxCount(t, 'tradehub.disputes.refund-agreed', 'requestId', requestId),
    };
  },
  'POST /v1/disputes/requests/{requestId}/escalation': async ({ t, f, delivered }) => {
    const requestId = await f.refusedRequest(delivered().orderId);
    return {
      token: f.seller,
      url: `/v1/disputes/requests/${requestId}/escalation`,
      json: { reason: 'the buyer keeps the item and the money' },
      observe: () => outboxCount(t, 'tradehub.disputes.escalated', 'requestId', requestId),
    };
  },
  'POST /v1/disputes/requests/{requestId}/offer-answer': async ({ t, f, delivered }) => {
    const requestId = await f.offeredRequest(delivered().orderId);
    return {
      token: f.service,
      url: `/v1/disputes/requests/${requestId}/offer-answer`,
      json: { answer: 'ACCEPT' },
      observe: () => outboxCount(t, 'tradehub.disputes.buyer-answered-offer', 'requestId', requestId),
    };
  },
  'POST /v1/disputes/requests/{requestId}/return-shipment': async ({ t, f, delivered }) => {
    const requestId = await f.awaitingReturnRequest(delivered().orderId);
    return {
      token: f.service,
      url: `/v1/disputes/requests/${requestId}/return-shipment`,
      json: { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
      observe: () => outboxCount(t, 'tradehub.disputes.return-shipped', 'requestId', requestId),
    };
  },
  'POST /v1/disputes/return-tracking-events': async ({ t, f, delivered }) => {
    const { requestId, trackingNumber } = await f.returnInTransit(delivered().orderId);
    return {
      token: f.service,
      url: '/v1/disputes/return-tracking-events',
      json: f.returnScan(trackingNumber, await f.now()),
      observe: () => outboxCount(t, 'tradehub.disputes.return-delivered', 'requestId', requestId),
    };
  },
  'POST /v1/disputes/requests/{requestId}/arbitration': async ({ t, f, delivered }) => {
    const requestId = await f.escalatedRequest(delivered().orderId);
    return {
      token: f.operator,
      url: `/v1/disputes/requests/${requestId}/arbitration`,
      json: { decision: 'NONE', reason: 'the item is as described' },
      observe: () => outboxCount(t, 'tradehub.disputes.arbitration-decided', 'requestId', requestId),
    };
  },
  'POST /v1/disputes/evidence': async ({ t, f }) => {
    const note = `evidence ${randomUUID()}`;
    return {
      token: f.seller,
      url: '/v1/disputes/evidence',
      file: { bytes: tinyPdf(note), fileName: 'evidence.pdf', type: 'application/pdf' },
      // Evidence is kept once per file and uploader: count this suite's seller's uploads.
      observe: () =>
        countRows(t, 'select count(*) from disputes.evidence_uploads where uploaded_by = $1', [
          `seller-${f.owner.storeId}`,
        ]),
    };
  },
  'POST /v1/reviews': async ({ t, f, delivered }) => {
    const { orderId } = delivered();
    return {
      token: f.service,
      url: '/v1/reviews',
      json: f.reviewBody(orderId),
      observe: () => countRows(t, 'select count(*) from reviews.reviews where order_id = $1', [orderId]),
    };
  },
  'POST /v1/reviews/{reviewId}/reply': async ({ t, f, delivered }) => {
    const reviewId = await f.review(delivered().orderId);
    return {
      token: f.seller,
      url: `/v1/reviews/${reviewId}/reply`,
      json: { text: 'Thank you for the review' },
      observe: () => outboxCount(t, 'tradehub.reviews.reply-posted', 'reviewId', reviewId),
    };
  },
  'POST /v1/compliance/penalties/cases/{caseId}/appeal': async ({ t, f, penaltyCase }) => ({
    token: f.operator,
    url: `/v1/compliance/penalties/cases/${penaltyCase}/appeal`,
    json: { outcome: 'UPHELD', reason: 'the waybill is forged' },
    observe: async () => {
      const page = await t.http.get(`/v1/compliance/penalties?storeId=${f.owner.storeId}`, f.seller);
      const cases = page.body.items.flatMap(
        (a: { cases: { caseId: string; appeals: unknown[] }[] }) => a.cases,
      );
      return cases.find((c: { caseId: string }) => c.caseId === penaltyCase)?.appeals.length;
    },
  }),
  'POST /v1/compliance/trade-analysis/rebuild': async ({ t, f }) => ({
    token: f.operator,
    url: '/v1/compliance/trade-analysis/rebuild',
    json: { storeId: f.owner.storeId },
    // A rebuild recomputes roll-ups from kept facts: its only record is the audit trail.
    observe: () =>
      countRows(
        t,
        `select count(*) from platform.audit_log where action = 'compliance.rollups-rebuilt' and subject_id = $1`,
        [f.owner.storeId],
      ),
  }),
  // Partner access (API-1): operators set up organisations, operators and apps.
  'POST /v1/access/organisations': async ({ t, f }) => {
    const id = fresh('org-api3');
    return {
      token: f.operator,
      url: '/v1/access/organisations',
      json: {
        id,
        name: `Organisation ${id}`,
        admin: { username: `${id}-admin`, password: PASSWORD, displayName: `Admin of ${id}` },
      },
      observe: () =>
        countRows(
          t,
          `select (select count(*) from access.organisations where id = $1)
                + (select count(*) from access.staff where organisation_id = $1) as count`,
          [id],
        ),
    };
  },
  'POST /v1/access/organisations/{organisationId}/main-accounts': async ({ t, f }) => {
    const organisation = await createOrganisation(t, { id: fresh('org-api3'), mainAccounts: [] });
    return {
      token: f.operator,
      url: `/v1/access/organisations/${organisation.id}/main-accounts`,
      json: { id: fresh('acct-api3'), name: 'API-3 main account' },
      observe: () =>
        countRows(t, 'select count(*) from access.main_accounts where organisation_id = $1', [
          organisation.id,
        ]),
    };
  },
  'POST /v1/access/main-accounts/{mainAccountId}/stores': async ({ t, f }) => {
    const mainAccountId = fresh('acct-api3');
    await createOrganisation(t, { id: fresh('org-api3'), mainAccounts: [{ id: mainAccountId, stores: [] }] });
    return {
      token: f.operator,
      url: `/v1/access/main-accounts/${mainAccountId}/stores`,
      json: { id: fresh('store-api3'), name: 'API-3 store' },
      observe: () =>
        countRows(t, 'select count(*) from access.stores where main_account_id = $1', [mainAccountId]),
    };
  },
  'POST /v1/access/operators': async ({ t, f }) => {
    const username = fresh('op-api3');
    return {
      token: f.operator,
      url: '/v1/access/operators',
      json: { username, password: PASSWORD, displayName: 'API-3 auditor', roles: ['auditor'] },
      observe: () =>
        countRows(t, `select count(*) from access.staff where realm = 'platform' and username = $1`, [
          username,
        ]),
    };
  },
  'POST /v1/access/apps': async (c) => {
    const clientId = fresh('svc-api3');
    return {
      token: c.f.operator,
      url: '/v1/access/apps',
      json: { clientId, name: 'API-3 service', kind: 'service', redirectUris: [], scopes: ['orders:write'] },
      observe: () => countRows(c.t, 'select count(*) from access.apps where client_id = $1', [clientId]),
      // Shown once by design: the replay answers the registration without the secret.
      shownOnce: ['clientSecret'],
      afterRetry: secretStillWorks(c.t, clientId),
    };
  },
  'PATCH /v1/access/apps/{clientId}': async (c) => {
    const { clientId } = await serviceApp(c);
    return {
      token: c.f.operator,
      url: `/v1/access/apps/${clientId}`,
      json: { name: 'Renamed by API-3' },
      observe: () => versionAndAudits(c.t, 'apps', 'client_id', clientId),
    };
  },
  'POST /v1/access/apps/{clientId}/secret': async (c) => {
    const app = await serviceApp(c);
    return {
      token: c.f.operator,
      url: `/v1/access/apps/${app.clientId}/secret`,
      // No body: the route takes none.
      observe: () =>
        row(c.t, 'select version, left(secret_hash, 24) as secret from access.apps where client_id = $1', [
          app.clientId,
        ]),
      // Shown once by design: the replay answers the rotation without the new secret. No second
      // rotation: the first answer's secret still works after the replay (a second one would end it).
      shownOnce: ['clientSecret'],
      afterRetry: async (first) => [
        ...(await secretStillWorks(c.t, app.clientId)(first)),
        ...((await clientCredentials(c.t, app.clientId, app.clientSecret)) === 401
          ? []
          : ['the secret from before the rotation still works']),
      ],
    };
  },
  // Partner access (API-1): a seller organisation's admin manages its staff and its apps' grants.
  'POST /v1/access/staff': async ({ t, org }) => {
    const username = fresh('clerk-api3');
    return {
      token: org.adminToken,
      url: '/v1/access/staff',
      json: { username, password: PASSWORD, displayName: 'API-3 clerk', roles: ['read_only'] },
      observe: () =>
        countRows(t, 'select count(*) from access.staff where organisation_id = $1 and username = $2', [
          org.id,
          username,
        ]),
    };
  },
  'PATCH /v1/access/staff/{staffId}': async ({ t, org }) => {
    const member = await createStaff(t, org.adminToken, {
      username: fresh('member-api3'),
      roles: ['read_only'],
    });
    return {
      token: org.adminToken,
      url: `/v1/access/staff/${member.staffId}`,
      json: { displayName: 'Renamed by API-3' },
      observe: () => versionAndAudits(t, 'staff', 'id', member.staffId),
    };
  },
  'PATCH /v1/access/grants/{grantId}': async (c) => {
    const grantId = await freshGrant(c);
    return {
      token: c.org.adminToken,
      url: `/v1/access/grants/${grantId}`,
      json: { storeIds: [], mainAccountIds: [c.org.mainAccountId] },
      observe: () => versionAndAudits(c.t, 'app_grants', 'grant_id', grantId),
    };
  },
  'DELETE /v1/access/grants/{grantId}': async (c) => {
    const grantId = await freshGrant(c);
    return {
      token: c.org.adminToken,
      url: `/v1/access/grants/${grantId}`,
      // No body. Its effect: the grant is revoked and the OAuth server's rows of it (refresh tokens, the grant) end.
      observe: () =>
        row(
          c.t,
          `select revoked_at is not null as revoked, version,
                  (select count(*)::int from access.oidc_model where grant_id = $1 or (kind = 'Grant' and id = $1)) as "oauthRows",
                  (select count(*)::int from platform.audit_log where subject_id = $1::text) as audits
             from access.app_grants where grant_id = $1`,
          [grantId],
        ),
    };
  },
};

/** The answer without some top-level fields (those shown once). */
function withoutFields(body: unknown, fields: readonly string[]): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([name]) => !fields.includes(name)));
}

/** Reads `observe` until two reads 150 ms apart agree (reactions to the call's events settle first). */
async function settled(observe: () => Promise<unknown>): Promise<unknown> {
  let last = JSON.stringify(await observe());
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 150));
    const next = JSON.stringify(await observe());
    if (next === last) return JSON.parse(next);
    last = next;
  }
  return JSON.parse(last);
}

describe('API-3 generated from the OpenAPI document: every mutating call takes an Idempotency-Key', () => {
  let t: TestApp;
  let documented: ApiOperation[];
  let operations: ApiOperation[];
  let context: Context;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    documented = await apiOperations(t);
    operations = documented.filter((op) => MUTATING_METHODS.has(op.method) && !EXCLUDED(op));
    const f = await StoreFixtures.of(t, storeOwner('api3-a'));
    // Week 1: one order delivered and released (money to withdraw), one whose pickup proof is
    // judged forged before delivery (its settlement review holds, and the seller has a penalty case).
    const [released, held] = await f.deliveredOrders(2, async (order, index) => {
      if (index === 1) await f.confirmFakeShipment(order.packageId);
    });
    await f.release(released!.orderId);
    await f.held(held!.orderId);
    const penaltyCase = await f.penaltyCase(held!.orderId);
    const rate = await t.http.request('PUT', '/v1/settlement/fx-rates', {
      token: f.operator,
      body: { from: 'USD', to: 'CNY', rate: '7.125', asOf: await f.now() },
    });
    expect(rate.status).toBe(200);
    // Now: a pool of delivered orders, one per case that needs one.
    const pool = await f.deliveredOrders(14);
    // Partner access: the store's organisation, its admin, and a partner app to grant.
    const organisation = await createOrganisation(t, {
      id: 'org-api3-a',
      mainAccounts: [{ id: f.owner.mainAccountId, stores: [f.owner.storeId] }],
    });
    const partner = await t.http.post(
      '/v1/access/apps',
      {
        clientId: 'app-api3-a',
        name: 'API-3 partner app',
        kind: 'partner',
        redirectUris: ['http://127.0.0.1:9/cb'],
        scopes: ['orders:read'],
      },
      f.operator,
    );
    expect(partner.status).toBe(201);
    context = {
      org: {
        id: organisation.id,
        mainAccountId: f.owner.mainAccountId,
        storeId: f.owner.storeId,
        admin: organisation.admin,
        adminToken: await staffToken(t, organisation.admin.staffId, [f.owner.storeId]),
      },
      partner: { clientId: partner.body.clientId, clientSecret: partner.body.clientSecret },
      t,
      f,
      heldOrder: held!.orderId,
      penaltyCase,
      delivered: () => {
        const next = pool.shift();
        if (!next) throw new Error('the pool of delivered orders is empty: make it larger');
        return next;
      },
    };
  }, 120_000);

  afterAll(() => t?.close());

  const keyHeader = (op: ApiOperation) =>
    op.headerParams.find((h) => h.name.toLowerCase() === 'idempotency-key');

  it('API-3: every mutating operation in the document (but the sandbox) has a case here', () => {
    const unmapped = operations.filter((op) => !CASES[op.key]).map((op) => `no body for ${op.key}`);
    expect(unmapped).toEqual([]);
    expect(operations.length).toBeGreaterThanOrEqual(25);
    // Partner access is in the document, so the checks below cover it.
    expect(operations.filter((op) => op.path.startsWith('/v1/access/')).length).toBeGreaterThanOrEqual(11);
  });

  it('API-3: the document declares the Idempotency-Key header on every mutating operation', () => {
    const undeclared = operations.filter((op) => !keyHeader(op)).map((op) => op.key);
    process.stdout.write(
      `API-3 generated: ${operations.length - undeclared.length}/${operations.length} mutating operations declare Idempotency-Key; not declared: ${undeclared.join(', ') || 'none'}\n`,
    );
    expect(undeclared).toEqual([]);
  });

  it('API-3: a retry with the same key and body answers the first answer with no second effect (uploads: the same file)', async () => {
    const violations: string[] = [];
    const report: string[] = [];
    for (const op of operations) {
      const build = CASES[op.key];
      if (!build) continue; // reported above
      const call = await build(context);
      const key = `api3-${randomUUID()}`;
      const send = (json: unknown, requestId: string): Promise<ApiAnswer> =>
        callApi(t, op.method, call.url, {
          token: call.token,
          ...(call.file ? { file: call.file } : { body: json }),
          headers: { 'idempotency-key': key, 'x-request-id': requestId },
        });
      const ids = { first: randomUUID(), retry: randomUUID(), reuse: randomUUID() };
      const before = call.observe ? await call.observe() : undefined;
      const first = await send(call.json, ids.first);
      const afterFirst = call.observe ? await settled(call.observe) : undefined;
      const retry = await send(call.json, ids.retry);
      const afterRetry = call.observe ? await settled(call.observe) : undefined;
      const problems: string[] = [];
      if (
        call.refusal !== undefined ? first.status !== call.refusal : first.status < 200 || first.status > 299
      )
        problems.push(`first call ${first.status} ${JSON.stringify(first.body)}`);
      if (retry.status !== first.status) problems.push(`retry ${retry.status} after ${first.status}`);
      if (call.refusal !== undefined) {
        if (retry.body?.code !== first.body?.code)
          problems.push(`retry refused with ${retry.body?.code}, first with ${first.body?.code}`);
      } else if (call.shownOnce) {
        // By design (`@SecretInAnswer`): the replay is the first answer without the fields shown once.
        const kept = withoutFields(first.body, call.shownOnce);
        for (const field of call.shownOnce) {
          if (typeof first.body?.[field] !== 'string' || first.body[field].length === 0)
            problems.push(`the first answer lacks ${field}, shown once`);
          if (retry.body && typeof retry.body === 'object' && field in retry.body)
            problems.push(`the replay shows ${field} again`);
        }
        if (canonical(retry.body) !== canonical(kept))
          problems.push(
            `retry answered ${JSON.stringify(withoutFields(retry.body, call.shownOnce))}, first (without ${call.shownOnce.join(', ')}) ${JSON.stringify(kept)}`,
          );
      } else if (canonical(retry.body) !== canonical(first.body))
        problems.push(`retry answered ${JSON.stringify(retry.body)}, first ${JSON.stringify(first.body)}`);
      if (!call.file && call.refusal === undefined) {
        if (retry.headers.get('idempotent-replayed') !== 'true')
          problems.push(
            `retry lacks idempotent-replayed: true (${retry.headers.get('idempotent-replayed')})`,
          );
        if (first.headers.get('idempotent-replayed') !== null) problems.push('first call marked replayed');
      }
      if (call.observe && call.refusal !== undefined && canonical(before) !== canonical(afterFirst))
        problems.push(
          `the refused first call changed ${JSON.stringify(before)} to ${JSON.stringify(afterFirst)}`,
        );
      if (call.observe && call.refusal === undefined && canonical(before) === canonical(afterFirst))
        problems.push(
          `the first call changed nothing observable (${JSON.stringify(before)}): the check proves nothing`,
        );
      if (canonical(afterRetry) !== canonical(afterFirst))
        problems.push(
          `second effect: ${JSON.stringify(afterFirst)} after the first call, ${JSON.stringify(afterRetry)} after the retry`,
        );
      if (call.afterRetry && call.refusal === undefined) problems.push(...(await call.afterRetry(first)));
      const firstAudits = await auditedBy(t, ids.first);
      const retryAudits = await auditedBy(t, ids.retry);
      if (retryAudits !== 0) problems.push(`the retry left ${retryAudits} audit record(s)`);
      // The same key with another body is refused (JSON bodies: multipart ones are not fingerprinted).
      if (!call.file && call.refusal === undefined) {
        const reuse = await send({ ...call.json, reuse: 'another body' }, ids.reuse);
        if (reuse.status !== 422 || reuse.body?.code !== 'IDEMPOTENCY_KEY_REUSED')
          problems.push(`same key, other body: ${reuse.status} ${JSON.stringify(reuse.body)}`);
        if (call.observe && canonical(await call.observe()) !== canonical(afterFirst))
          problems.push('the refused reuse changed something');
      }
      for (const p of problems) violations.push(`${op.key}: ${p}`);
      report.push(
        `${problems.length ? '✕' : '✓'} ${op.key} ${first.status}${call.file ? ' (multipart: same file)' : call.refusal !== undefined ? ' (refusal)' : call.shownOnce ? ` replayed without ${call.shownOnce.join(', ')} (shown once)` : ' replayed'}; effect ${JSON.stringify(before)} -> ${JSON.stringify(afterFirst)} -> ${JSON.stringify(afterRetry)}; audit records ${firstAudits}/${retryAudits}`,
      );
    }
    process.stdout.write(
      `API-3 generated: ${report.length} mutating operations retried:\n  ${report.join('\n  ')}\n`,
    );
    expect(violations).toEqual([]);
    expect(report.length).toBeGreaterThanOrEqual(25);
  });
});
