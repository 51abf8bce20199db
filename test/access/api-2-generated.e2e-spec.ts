import { cainiaoNumber } from '../support/fulfillment';
import {
  apiOperations,
  buildOrganisationFixtures,
  buildScopedFixtures,
  callApi,
  canonical,
  fillPath,
  missingLike,
  MUTATING_METHODS,
  type ApiAnswer,
  type ApiOperation,
  type OrganisationFixtures,
  type ScopedFixtures,
  StoreFixtures,
  type StoreOwner,
  storeOwner,
  tinyPdf,
  type UploadFile,
} from '../support/api-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * API-2 for every operation of the OpenAPI document (served at /docs-json), not a hand-picked few:
 * a caller granted store B gets, for every resource of store A, exactly the answer it gets for an id
 * that names nothing; lists never show store A's data to it. A new route with a path parameter
 * nobody mapped to a fixture fails here, so it cannot escape the check.
 *
 * Partner access (`/v1/access/...`) draws the boundary around an organisation, not a store: store A
 * belongs to organisation A, store B to organisation B, and the seller_staff callers are each
 * organisation's admin (a directory account, whose token names its store). So organisation B's
 * admin asking for organisation A's staff member or grant gets the 404 of a missing one, and its
 * lists (/organisation, /staff, /grants, /me) never mention organisation A's ids or usernames.
 */

/** Every fixture of store A: its resources and its organisation's directory records. */
type Fixtures = ScopedFixtures & OrganisationFixtures;

/** Which fixture each path parameter names, by parameter name. */
const PARAM_FIXTURES: Record<string, keyof Fixtures> = {
  orderId: 'order',
  packageId: 'package',
  taskId: 'task',
  requestId: 'request',
  sha256: 'evidence',
  reviewId: 'review',
  flagId: 'flag',
  caseId: 'penaltyCase',
  storeId: 'storeId',
  sellerId: 'sellerId',
  organisationId: 'organisationId',
  mainAccountId: 'mainAccountId',
  clientId: 'clientId',
  staffId: 'staff',
  grantId: 'grant',
};

/**
 * Per route, where the name is ambiguous (`id`) or the owner's own call needs a resource in the
 * right state, used by nothing else (a first call that succeeds and disturbs no other check).
 */
const ROUTE_PARAM_FIXTURES: Record<string, Record<string, keyof Fixtures>> = {
  'GET /v1/settlement/withdrawals/{id}': { id: 'withdrawal' },
  'POST /v1/orders/{orderId}/cancel': { orderId: 'orderToCancel' },
  'POST /v1/orders/{orderId}/shipments': { orderId: 'orderToShip' },
  'POST /v1/packages/{packageId}/proofs': { packageId: 'packageToProve' },
  'POST /v1/disputes/requests/{requestId}/answer': { requestId: 'requestToAnswer' },
  'POST /v1/disputes/requests/{requestId}/escalation': { requestId: 'requestToEscalate' },
  'POST /v1/disputes/requests/{requestId}/inspection': { requestId: 'requestToInspect' },
  'POST /v1/reviews/{reviewId}/reply': { reviewId: 'reviewToReply' },
  'PATCH /v1/access/staff/{staffId}': { staffId: 'staffToChange' },
  'PATCH /v1/access/grants/{grantId}': { grantId: 'grantToChange' },
  'DELETE /v1/access/grants/{grantId}': { grantId: 'grantToRevoke' },
};

/** A JSON body (`json: undefined` for a call without one, e.g. a DELETE), or a multipart file. */
type Body = { json: unknown } | { file: UploadFile };

/**
 * The body of each mutating operation with a path parameter: valid for the resource's owner (the
 * same body goes to the real and the missing id, so only the id differs). `own` is the caller's
 * own store: a body naming stores names the caller's, so a stranger's call is refused for the id,
 * not for the body (the owner's body would be refused before the id is looked up).
 */
const BODIES: Record<string, (own: StoreOwner) => Body> = {
  'POST /v1/orders/{orderId}/cancel': () => ({ json: { initiator: 'SELLER', reason: 'OUT_OF_STOCK' } }),
  'POST /v1/orders/{orderId}/shipments': () => ({
    json: { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
  }),
  'POST /v1/packages/{packageId}/proofs': () => ({
    file: { bytes: tinyPdf('api-2 proof'), fileName: 'proof.pdf', type: 'application/pdf' },
  }),
  'POST /v1/review-tasks/{taskId}/decision': () => ({
    json: { decision: 'ACCEPT', reason: 'proof readable' },
  }),
  'POST /v1/settlement/orders/{orderId}/hold-decision': () => ({
    json: { decision: 'RELEASE', reason: 'checked' },
  }),
  'PUT /v1/settlement/seller-accounts/{sellerId}': () => ({
    json: { closed: false, reason: 'in good standing' },
  }),
  'POST /v1/disputes/requests/{requestId}/answer': () => ({ json: { answer: 'ACCEPT' } }),
  'POST /v1/disputes/requests/{requestId}/inspection': () => ({ json: { decision: 'FULL' } }),
  'POST /v1/disputes/requests/{requestId}/escalation': () => ({
    json: { reason: 'the buyer keeps the item' },
  }),
  'POST /v1/disputes/requests/{requestId}/offer-answer': () => ({ json: { answer: 'ACCEPT' } }),
  'POST /v1/disputes/requests/{requestId}/return-shipment': () => ({
    json: { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
  }),
  'POST /v1/disputes/requests/{requestId}/arbitration': () => ({
    json: { decision: 'NONE', reason: 'as described' },
  }),
  'POST /v1/reviews/{reviewId}/reply': () => ({ json: { text: 'Thank you for the review' } }),
  'POST /v1/compliance/penalties/cases/{caseId}/appeal': () => ({
    json: { outcome: 'UPHELD', reason: 'the waybill is forged' },
  }),
  // Partner access: a seller admin's changes (organisation-scoped).
  'PATCH /v1/access/staff/{staffId}': () => ({ json: { displayName: 'Renamed by API-2' } }),
  'PATCH /v1/access/grants/{grantId}': (own) => ({
    json: { storeIds: [], mainAccountIds: [own.mainAccountId] },
  }),
  'DELETE /v1/access/grants/{grantId}': () => ({ json: undefined }),
  // Partner access: operators' set-up (refused to sellers and partner apps by kind).
  'POST /v1/access/organisations/{organisationId}/main-accounts': () => ({
    json: { id: 'acct-api2-added', name: 'Added main account' },
  }),
  'POST /v1/access/main-accounts/{mainAccountId}/stores': () => ({
    json: { id: 'store-api2-added', name: 'Added store' },
  }),
  'PATCH /v1/access/apps/{clientId}': () => ({ json: { name: 'Renamed by API-2' } }),
  'POST /v1/access/apps/{clientId}/secret': () => ({ json: undefined }),
};

/** List filters that name store A's data: asked as store B, the answer must be that of a missing one. */
const LIST_FILTERS: Record<string, keyof Fixtures> = {
  storeId: 'storeId',
  mainAccountId: 'mainAccountId',
  orderId: 'order',
  subjectId: 'order',
};

/** The main lists, as the owner sees them: each must show the fixture, or the list check proves nothing. */
const OWNER_LISTS: [string, keyof Fixtures][] = [
  ['/v1/orders?limit=100', 'order'],
  ['/v1/disputes/requests?limit=100', 'request'],
  ['/v1/reviews?limit=100', 'review'],
  ['/v1/compliance/risk-board?status=all&limit=100', 'flag'],
  ['/v1/review-tasks?limit=100', 'task'],
  ['/v1/compliance/penalties', 'penaltyCase'],
  ['/v1/settlement/withdrawals', 'withdrawal'],
  ['/v1/settlement/entries?limit=100', 'order'],
  ['/v1/access/organisation', 'organisationId'],
  ['/v1/access/organisation', 'mainAccountId'],
  ['/v1/access/organisation', 'storeId'],
  ['/v1/access/staff?limit=100', 'adminUsername'],
  ['/v1/access/staff?limit=100', 'staff'],
  ['/v1/access/grants', 'grant'],
  ['/v1/access/me', 'adminStaffId'],
];

/**
 * Partner access's lists, open to seller staff with a directory account only: each must be checked
 * as organisation B's admin (not skipped), and show it organisation B's own records (else "nothing
 * of organisation A" proves little).
 */
const ORGANISATION_LISTS: [string, keyof OrganisationFixtures][] = [
  ['GET /v1/access/organisation', 'organisationId'],
  ['GET /v1/access/staff', 'staff'],
  ['GET /v1/access/grants', 'grant'],
  ['GET /v1/access/me', 'adminStaffId'],
];

const FORBIDDEN = 403;

/**
 * Refused by the route's rule on the caller's kind (AuthGuard: `This operation is not open to
 * seller_staff callers`), not by anything about a store: only such routes may be left out of the
 * store check. A 403 for another reason (e.g. "not a seller admin") is not a kind rule.
 */
const refusedByKind = (status: number, body: any): boolean =>
  status === FORBIDDEN &&
  body?.code === 'FORBIDDEN' &&
  /not open to (seller_staff|partner_app) callers/.test(String(body?.detail));

const OPERATOR_ONLY = 'open only to operator/service callers (403 FORBIDDEN for sellers and partner apps)';

/**
 * Partner access's routes that API-2 reaches (a path parameter, or a list) and that are open to
 * platform operators only (`@AllowedCallers('operator')`), with why: they are skipped like every
 * operator/service-only route, and must be (the skip list holds only routes sellers cannot call).
 */
const OPERATOR_ONLY_ACCESS: Record<string, string> = {
  'GET /v1/access/organisations/{organisationId}':
    'operator-only (API-1): the platform sets up seller organisations; an admin reads its own at /v1/access/organisation',
  'POST /v1/access/organisations/{organisationId}/main-accounts':
    'operator-only (API-1): main accounts are added by the platform',
  'POST /v1/access/main-accounts/{mainAccountId}/stores':
    'operator-only (API-1): stores join main accounts by the platform',
  'GET /v1/access/apps/{clientId}':
    'operator-only (API-1): partner and service apps are registered by the platform',
  'PATCH /v1/access/apps/{clientId}':
    'operator-only (API-1): partner and service apps are changed by the platform',
  'POST /v1/access/apps/{clientId}/secret':
    'operator-only (API-1): client secrets are rotated by the platform',
  'GET /v1/access/apps': "operator-only (API-1): the registered apps are the platform's",
  'GET /v1/access/scopes':
    'operator-only (API-1): the scope catalogue apps are registered from, no store data',
};

type Kind = 'seller_staff' | 'partner_app';

/** A caller of the API-2 checks: its kind, and the store (with main account) it was granted. */
interface Caller {
  name: string;
  kind: Kind;
  token: string;
  own: StoreOwner;
}

interface Probed {
  /** Checked: store B answered like a missing id; `values` are store A's ids for the owner's call. */
  checked: { op: ApiOperation; values: Record<string, string>; refusedKinds: Kind[] }[];
  /** Open only to operator/service callers: 403 FORBIDDEN for every store-B caller, real or missing id. */
  skipped: { key: string; reason: string }[];
  violations: string[];
}

describe('API-2 generated from the OpenAPI document: a store-B caller never sees or changes store A', () => {
  let t: TestApp;
  let operations: ApiOperation[];
  let a: Fixtures;
  /** Organisation B's directory records (its admin is store B's seller_staff caller). */
  let orgB: OrganisationFixtures;
  /** Store A's callers: organisation A's admin and an ERP app granted store A. */
  let owners: Record<Kind, Caller>;
  /** Callers granted store B only: organisation B's admin and an ERP app. */
  let strangers: Caller[];
  let probed: Promise<Probed> | undefined;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    operations = await apiOperations(t);
    const ownerA = storeOwner('api2-a');
    const ownerB = storeOwner('api2-b');
    // Each store belongs to an organisation of its own, whose admin is the store's seller_staff caller.
    const organisationA = await buildOrganisationFixtures(t, ownerA, 'api2-a');
    const organisationB = await buildOrganisationFixtures(t, ownerB, 'api2-b');
    orgB = organisationB.fixtures;
    a = { ...(await buildScopedFixtures(t, ownerA)), ...organisationA.fixtures };
    // Store B has data of its own, so its lists are not empty by construction.
    const b = await StoreFixtures.of(t, ownerB);
    const [delivered] = await b.deliveredOrders(1);
    await b.openRequest(delivered!.orderId);
    await b.review(delivered!.orderId);
    await b.placeOrder();
    owners = {
      seller_staff: {
        name: "seller_staff(store A: organisation A's admin)",
        kind: 'seller_staff',
        token: organisationA.adminToken,
        own: ownerA,
      },
      partner_app: {
        name: 'partner_app(store A)',
        kind: 'partner_app',
        token: await t.token({ kind: 'partner_app', id: 'erp-api2-a', stores: [a.storeId] }),
        own: ownerA,
      },
    };
    strangers = [
      {
        name: "seller_staff(store B: organisation B's admin)",
        kind: 'seller_staff',
        token: organisationB.adminToken,
        own: ownerB,
      },
      {
        name: 'partner_app(store B)',
        kind: 'partner_app',
        token: await t.token({ kind: 'partner_app', id: 'erp-api2-b', stores: [ownerB.storeId] }),
        own: ownerB,
      },
    ];
  }, 120_000);

  afterAll(() => t?.close());

  const withPathParams = () => operations.filter((op) => op.pathParams.length > 0);
  const listOperations = () => operations.filter((op) => op.method === 'GET' && op.pathParams.length === 0);

  /** The fixture a parameter of an operation names, or undefined when nobody mapped it. */
  const fixtureOf = (op: ApiOperation, param: string): keyof Fixtures | undefined =>
    ROUTE_PARAM_FIXTURES[op.key]?.[param] ?? PARAM_FIXTURES[param];
  const mapped = (op: ApiOperation): boolean =>
    op.pathParams.every((p) => fixtureOf(op, p)) &&
    (!MUTATING_METHODS.has(op.method) || Boolean(BODIES[op.key]));
  const realValues = (op: ApiOperation): Record<string, string> =>
    Object.fromEntries(op.pathParams.map((p) => [p, String(a[fixtureOf(op, p)!])]));

  const bodyOf = (op: ApiOperation, caller: Caller): Body | undefined =>
    MUTATING_METHODS.has(op.method) ? BODIES[op.key]?.(caller.own) : undefined;

  const send = (op: ApiOperation, values: Record<string, string>, token: string, body?: Body) =>
    callApi(t, op.method, fillPath(op.path, values), {
      token,
      ...(body && 'file' in body ? { file: body.file } : { body: body?.json }),
    });

  /** The answer with both ids written as `{name}` and the per-request id dropped, for comparison. */
  const normalized = (answer: ApiAnswer, substitutions: [string, string][]) => {
    let text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? null);
    // Longer values first: a missing id may contain the real one (`store-x-missing`).
    for (const [value, name] of [...substitutions].sort((x, y) => y[0].length - x[0].length))
      text = text.split(value).join(`{${name}}`);
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    if (body && typeof body === 'object') delete (body as { requestId?: unknown }).requestId;
    return { status: answer.status, contentType: answer.contentType, code: (body as any)?.code, body };
  };

  /** Every string store A's fixtures consist of: none may appear in what store B is shown. */
  const storeAValues = () =>
    [...new Set(Object.values(a).filter((v): v is string => typeof v === 'string'))].sort();
  /** Store A's values a text shows, with an excerpt, or nothing. */
  const leaks = (text: string, except: string[] = []): string => {
    const shown = storeAValues().filter((v) => !except.includes(v) && text.includes(v));
    return shown.length ? `${shown.join(', ')} in ${text.slice(0, 300)}` : '';
  };
  const short = (value: unknown): string => JSON.stringify(value).slice(0, 400);

  /**
   * Store-B callers refused by kind on a route open to the other kind (partner access's seller
   * admin routes are `seller_staff` only): a rule on the kind holds for store A's caller of that
   * kind too, or the refusal is about the store after all. Answers the violations.
   */
  const kindRuleViolations = async (
    op: ApiOperation,
    refused: Caller[],
    values: Record<string, string>,
  ): Promise<string[]> => {
    const violations: string[] = [];
    for (const stranger of refused) {
      const owner = owners[stranger.kind];
      const own = await send(op, values, owner.token, bodyOf(op, owner));
      if (!refusedByKind(own.status, own.body))
        violations.push(
          `${op.key}: ${stranger.name} is refused by kind, but ${owner.name} is not (${own.status} ${short(own.body)})`,
        );
    }
    return violations;
  };

  /**
   * Every mapped operation with a path parameter, called by each store-B caller with store A's ids,
   * with ids that name nothing (same body), and, with two ids, one of them missing at a time: the
   * answers must be the same (status, content type, problem code and body, ids aside), a 404 problem,
   * unless the caller's kind is refused (403 FORBIDDEN): by every store-B caller, the route is
   * operator/service-only and skipped; by some, store A's caller of that kind must be refused too.
   * Run once, by whichever test needs it first.
   */
  const probe = (): Promise<Probed> =>
    (probed ??= (async () => {
      const result: Probed = { checked: [], skipped: [], violations: [] };
      for (const op of withPathParams().filter(mapped)) {
        const real = realValues(op);
        const missing = Object.fromEntries(op.pathParams.map((p) => [p, missingLike(real[p]!)]));
        const substitutions = op.pathParams.flatMap((p): [string, string][] => [
          [real[p]!, p],
          [missing[p]!, p],
        ]);
        const variants: Record<string, string>[] = [real, missing];
        if (op.pathParams.length > 1)
          for (const p of op.pathParams) variants.push({ ...real, [p]: missing[p]! });
        const refused: Caller[] = [];
        for (const stranger of strangers) {
          const body = bodyOf(op, stranger);
          const answers = [];
          for (const values of variants)
            answers.push(normalized(await send(op, values, stranger.token, body), substitutions));
          const [first, ...others] = answers;
          for (const [i, other] of others.entries())
            if (canonical(other) !== canonical(first))
              result.violations.push(
                `${op.key} as ${stranger.name}: store A's ids answer ${short(first)}, ${short(variants[i + 1])} answers ${short(other)}`,
              );
          if (refusedByKind(first!.status, first!.body)) refused.push(stranger);
          else if (first!.status !== 404 || !first!.contentType.includes('application/problem+json'))
            result.violations.push(
              `${op.key} as ${stranger.name}: expected a 404 problem, got ${short(first)}`,
            );
        }
        if (refused.length === strangers.length)
          result.skipped.push({ key: op.key, reason: OPERATOR_ONLY_ACCESS[op.key] ?? OPERATOR_ONLY });
        else {
          result.violations.push(...(await kindRuleViolations(op, refused, real)));
          result.checked.push({ op, values: real, refusedKinds: refused.map((r) => r.kind) });
        }
      }
      return result;
    })());

  it('API-2: every path parameter of every operation in the document names a fixture, and every mutating one has a body', () => {
    const unmapped: string[] = [];
    for (const op of withPathParams()) {
      for (const param of op.pathParams)
        if (!fixtureOf(op, param)) unmapped.push(`no fixture for ${param} in ${op.key}`);
      if (MUTATING_METHODS.has(op.method) && !BODIES[op.key]) unmapped.push(`no body for ${op.key}`);
    }
    expect(unmapped).toEqual([]);
    expect(withPathParams().length).toBeGreaterThanOrEqual(25);
    // Partner access is in the document, so the checks below cover it.
    expect(operations.filter((op) => op.path.startsWith('/v1/access/')).length).toBeGreaterThanOrEqual(17);
  });

  it("API-2: for every operation with a path parameter, store B gets for store A's resource exactly the 404 of a missing id, while the owner reaches it", async () => {
    const { checked, violations } = await probe();
    // The owner reaches every resource (else the 404 proves nothing): reads first, then each
    // mutating call once, on a fixture of its own, with the body of its own store. The owner is
    // store A's seller_staff (organisation A's admin), or its partner app where sellers are refused.
    const ordered = [...checked].sort(
      (x, y) => Number(MUTATING_METHODS.has(x.op.method)) - Number(MUTATING_METHODS.has(y.op.method)),
    );
    const ownerViolations: string[] = [];
    for (const { op, values, refusedKinds } of ordered) {
      const owner = refusedKinds.includes('seller_staff') ? owners.partner_app : owners.seller_staff;
      const answer = await send(op, values, owner.token, bodyOf(op, owner));
      if (answer.status < 200 || answer.status > 299)
        ownerViolations.push(
          `${op.key}: ${owner.name} does not reach ${short(values)} (${answer.status} ${short(answer.body)}), so the 404 proves nothing`,
        );
    }
    const note = (c: Probed['checked'][number]) =>
      c.refusedKinds.length ? ` (${c.refusedKinds.join(', ')} refused by kind, for store A too)` : '';
    process.stdout.write(
      `API-2 generated: ${checked.length} operations with path parameters checked as ${strangers.length} store-B callers (owner reaches each):\n  ${checked.map((c) => `${c.op.key}${note(c)}`).join('\n  ')}\n`,
    );
    expect([...violations, ...ownerViolations]).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(24);
    // Partner access's organisation-scoped changes were checked, not skipped.
    expect(checked.map((c) => c.op.key)).toEqual(
      expect.arrayContaining([
        'PATCH /v1/access/staff/{staffId}',
        'PATCH /v1/access/grants/{grantId}',
        'DELETE /v1/access/grants/{grantId}',
      ]),
    );
  });

  it('API-2: the operations left out above are open only to operator/service callers: sellers and partner apps get 403 even with the grant', async () => {
    const { skipped } = await probe();
    const wrong: string[] = [];
    for (const { key } of skipped) {
      const op = operations.find((o) => o.key === key)!;
      for (const owner of Object.values(owners)) {
        const answer = await send(op, realValues(op), owner.token, bodyOf(op, owner));
        if (!refusedByKind(answer.status, answer.body))
          wrong.push(`${key} as ${owner.name}: ${answer.status} ${short(answer.body)}`);
      }
      if (!op.statuses.includes('403')) wrong.push(`${key}: the document does not list its 403`);
    }
    // Partner access's operator-only routes with a path parameter are among them, and nothing else of it.
    const skippedKeys = skipped.map((s) => s.key);
    const withParams = Object.keys(OPERATOR_ONLY_ACCESS).filter((key) => key.includes('{'));
    for (const key of withParams)
      if (!skippedKeys.includes(key)) wrong.push(`${key} is operator-only, yet was not skipped`);
    for (const key of skippedKeys)
      if (key.includes(' /v1/access/') && !OPERATOR_ONLY_ACCESS[key])
        wrong.push(`${key} was skipped as operator-only, yet is not listed in OPERATOR_ONLY_ACCESS`);
    process.stdout.write(
      `API-2 generated: ${skipped.length} operations with path parameters skipped:\n  ${skipped.map((s) => `${s.key}: ${s.reason}`).join('\n  ')}\n`,
    );
    expect(wrong).toEqual([]);
    expect(skipped.length).toBeGreaterThan(0);
  });

  it("API-2: no list shows store B anything of store A, and filtering by store A's ids answers like filtering by missing ones", async () => {
    const violations: string[] = [];
    const checked: string[] = [];
    const listSkipped: string[] = [];
    for (const op of listOperations()) {
      const filters = op.queryParams.filter((q) => LIST_FILTERS[q]);
      const refused: Caller[] = [];
      for (const stranger of strangers) {
        const plain = await send(op, {}, stranger.token);
        if (refusedByKind(plain.status, plain.body)) {
          refused.push(stranger);
          continue;
        }
        if (plain.status !== 200)
          violations.push(`${op.key} as ${stranger.name}: ${plain.status} ${short(plain.body)}`);
        const leaked = leaks(typeof plain.body === 'string' ? plain.body : JSON.stringify(plain.body));
        if (leaked) violations.push(`${op.key} as ${stranger.name} shows store A's ${leaked}`);
        // Partner access's lists show organisation B its own records.
        const own = ORGANISATION_LISTS.find(([key]) => key === op.key);
        if (own && stranger.kind === 'seller_staff' && !JSON.stringify(plain.body).includes(orgB[own[1]]))
          violations.push(`${op.key} as ${stranger.name} lacks its own ${own[1]} ${orgB[own[1]]}`);
        for (const filter of filters) {
          const value = String(a[LIST_FILTERS[filter]!]);
          const missing = missingLike(value);
          const url = (v: string) => `${op.path}?${filter}=${encodeURIComponent(v)}`;
          const subs: [string, string][] = [
            [value, filter],
            [missing, filter],
          ];
          const real = normalized(await callApi(t, 'GET', url(value), { token: stranger.token }), subs);
          const none = normalized(await callApi(t, 'GET', url(missing), { token: stranger.token }), subs);
          if (canonical(real) !== canonical(none))
            violations.push(
              `${op.key}?${filter}= as ${stranger.name}: store A's ${value} answers ${short(real)}, a missing one ${short(none)}`,
            );
          const filteredLeak = leaks(JSON.stringify(real.body), [value]);
          if (filteredLeak)
            violations.push(
              `${op.key}?${filter}=${value} as ${stranger.name} shows store A's ${filteredLeak}`,
            );
        }
      }
      if (refused.length === strangers.length) listSkipped.push(op.key);
      else {
        violations.push(...(await kindRuleViolations(op, refused, {})));
        const note = refused.length ? ` (${refused.map((r) => r.kind).join(', ')} refused by kind)` : '';
        checked.push(`${op.key}${filters.length ? ` (+ ?${filters.join(', ?')})` : ''}${note}`);
      }
    }
    // Lists closed to store B's callers must be closed to store A's callers too (a rule on the kind, not the store).
    for (const key of listSkipped) {
      const op = operations.find((o) => o.key === key)!;
      for (const owner of Object.values(owners)) {
        const own = await send(op, {}, owner.token);
        if (!refusedByKind(own.status, own.body))
          violations.push(`${key}: 403 for store B but ${own.status} for ${owner.name}`);
      }
    }
    for (const [key] of ORGANISATION_LISTS)
      if (!checked.some((c) => c.startsWith(`${key} `) || c === key))
        violations.push(`${key} was not checked as organisation B's admin`);
    for (const key of listSkipped)
      if (key.includes(' /v1/access/') && !OPERATOR_ONLY_ACCESS[key])
        violations.push(`${key} was skipped as operator-only, yet is not listed in OPERATOR_ONLY_ACCESS`);
    process.stdout.write(
      `API-2 generated: ${checked.length} lists checked as ${strangers.length} store-B callers:\n  ${checked.join('\n  ')}\n` +
        `skipped (operator/service only, 403 for sellers and partner apps of any store): ${listSkipped.map((key) => (OPERATOR_ONLY_ACCESS[key] ? `${key} (${OPERATOR_ONLY_ACCESS[key]})` : key)).join(', ')}\n`,
    );
    expect(violations).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(24);
  });

  it("API-2: the owner's main lists do show store A's fixtures (so the checks above are meaningful)", async () => {
    const missingFromOwner: string[] = [];
    for (const [url, fixture] of OWNER_LISTS) {
      const answer = await callApi(t, 'GET', url, { token: owners.seller_staff.token });
      if (answer.status !== 200 || !JSON.stringify(answer.body).includes(String(a[fixture])))
        missingFromOwner.push(`${url} lacks ${fixture} ${a[fixture]}: ${answer.status}`);
    }
    expect(missingFromOwner).toEqual([]);
  });
});
