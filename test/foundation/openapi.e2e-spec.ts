import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = path.resolve(__dirname, '../..');
const PROBLEM = 'application/problem+json';
const PROBLEM_REF = '#/components/schemas/Problem';

interface Operation {
  key: string;
  method: string;
  op: {
    summary?: string;
    parameters?: { in: string; name: string; schema?: { type?: string } }[];
    requestBody?: unknown;
    responses: Record<
      string,
      {
        $ref?: string;
        description?: string;
        content?: Record<string, { schema?: unknown; example?: unknown }>;
      }
    >;
    security?: Record<string, string[]>[];
  };
}

describe('the OpenAPI document served at /docs-json', () => {
  let t: TestApp;
  let doc: any;
  let operations: Operation[];

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    const response = await t.http.get('/docs-json');
    expect(response.status).toBe(200);
    doc = response.body;
    operations = Object.entries(doc.paths as Record<string, Record<string, Operation['op']>>).flatMap(
      ([route, item]) =>
        Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${route}`, method, op })),
    );
  });

  afterAll(() => t.close());

  /** A response as written, or the component its $ref names. */
  const resolve = (response: Operation['op']['responses'][string]) =>
    response.$ref ? doc.components.responses[response.$ref.split('/').pop()!] : response;

  it("passes Redocly's recommended rules with no error and only the warnings README.md justifies", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradehub-openapi-'));
    const file = path.join(dir, 'openapi.json');
    try {
      fs.writeFileSync(file, JSON.stringify(doc));
      // The same judge as `npm run lint:openapi`: exit 0 only when every problem is a justified warning.
      const lint = spawnSync(process.execPath, [path.join(ROOT, 'scripts/lint-openapi.mjs'), file], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect({ exit: lint.status, output: lint.stdout + lint.stderr }).toMatchObject({ exit: 0 });
      expect(lint.stdout).toMatch(/openapi lint: \d+ problems, \d+ justified, 0 failing/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every operation documents the problem responses it can return, as application/problem+json', () => {
    expect(operations.length).toBeGreaterThanOrEqual(19);
    for (const { key, method, op } of operations) {
      const statuses = Object.keys(op.responses);
      const problems = statuses.filter((s) => /^[45]/.test(s));
      const inPath = (op.parameters ?? []).some((p) => p.in === 'path');
      const expected = [
        '401',
        '500',
        '503',
        ...(op.parameters?.length || op.requestBody ? ['400'] : []),
        ...(inPath ? ['404'] : []),
        ...(method === 'post' ? ['409', '422'] : []),
        ...(op.requestBody ? ['413', '415'] : []),
      ];
      expect({ key, missing: expected.filter((s) => !statuses.includes(s)) }).toEqual({ key, missing: [] });
      for (const status of problems) {
        const response = resolve(op.responses[status]);
        expect({ key, status, description: Boolean(response.description) }).toEqual({
          key,
          status,
          description: true,
        });
        expect({ key, status, schema: response.content?.[PROBLEM]?.schema }).toEqual({
          key,
          status,
          schema: { $ref: PROBLEM_REF },
        });
      }
    }
  });

  it('403 is documented on every operation needing a scope, naming it, and names the callers exactly where @AllowedCallers narrows them', () => {
    // API-1: every guarded operation needs a scope, so every one of them can answer 403 INSUFFICIENT_SCOPE.
    const scopeOf = (o: Operation) => o.op.security?.find((r) => 'oauth2' in r)?.oauth2[0];
    const guarded = operations.filter((o) => o.op.security?.length);
    expect(guarded.length).toBeGreaterThanOrEqual(19);
    for (const o of guarded) {
      const scope = scopeOf(o);
      const forbidden = o.op.responses['403'] && resolve(o.op.responses['403']);
      expect({ key: o.key, scope: Boolean(scope), documented: Boolean(forbidden) }).toEqual({
        key: o.key,
        scope: true,
        documented: true,
      });
      expect({ key: o.key, description: forbidden.description }).toEqual({
        key: o.key,
        description: expect.stringContaining(`Needs the scope \`${scope}\``),
      });
      expect(forbidden.content?.[PROBLEM]?.example).toMatchObject({
        code: 'INSUFFICIENT_SCOPE',
        status: 403,
      });
    }
    const narrowed = operations
      .filter((o) => o.op.responses['403'] && resolve(o.op.responses['403']).description.includes('Open to '))
      .map((o) => o.key);
    expect(narrowed.sort()).toEqual(
      [
        'GET /v1/sandbox/clock',
        'POST /v1/sandbox/clock/advance',
        'POST /v1/orders',
        'POST /v1/orders/{orderId}/shipments',
        'POST /v1/shipments/batch',
        'POST /v1/tracking-events',
        'POST /v1/packages/{packageId}/proofs',
        'POST /v1/review-tasks/{taskId}/decision',
        'GET /v1/settlement/held-reviews',
        'POST /v1/settlement/fx-quotes',
        'POST /v1/settlement/orders/{orderId}/hold-decision',
        'POST /v1/settlement/refunds',
        'POST /v1/settlement/withdrawals',
        'PUT /v1/settlement/fx-rates',
        'POST /v1/settlement/order-issues',
        'PUT /v1/settlement/seller-accounts/{sellerId}',
        'POST /v1/disputes/requests',
        'POST /v1/disputes/requests/{requestId}/answer',
        'POST /v1/disputes/requests/{requestId}/inspection',
        'POST /v1/disputes/requests/{requestId}/escalation',
        'POST /v1/disputes/requests/{requestId}/offer-answer',
        'POST /v1/disputes/requests/{requestId}/return-shipment',
        'POST /v1/disputes/return-tracking-events',
        'GET /v1/disputes/arbitration-queue',
        'POST /v1/disputes/requests/{requestId}/arbitration',
        'GET /v1/disputes/risk-board',
        'GET /v1/disputes/orders/{orderId}/risk',
        'POST /v1/reviews',
        'POST /v1/reviews/{reviewId}/reply',
        'GET /v1/reviews/negative-tendency',
        'GET /v1/reviews/orders/{orderId}/tendency',
        'POST /v1/compliance/trade-analysis/rebuild',
        'GET /v1/compliance/campaign-eligibility/{storeId}',
        'GET /v1/compliance/risk-board',
        'GET /v1/compliance/risk-board/counts',
        'GET /v1/compliance/risk-board/{flagId}',
        'POST /v1/compliance/penalties/cases/{caseId}/appeal',
        // API-1: the access module's administration (libs/access).
        'GET /v1/access/me',
        'GET /v1/access/organisation',
        'GET /v1/access/organisations/{organisationId}',
        'POST /v1/access/organisations',
        'POST /v1/access/organisations/{organisationId}/main-accounts',
        'POST /v1/access/main-accounts/{mainAccountId}/stores',
        'POST /v1/access/operators',
        'GET /v1/access/staff',
        'POST /v1/access/staff',
        'PATCH /v1/access/staff/{staffId}',
        'GET /v1/access/apps',
        'POST /v1/access/apps',
        'GET /v1/access/apps/{clientId}',
        'PATCH /v1/access/apps/{clientId}',
        'POST /v1/access/apps/{clientId}/secret',
        'GET /v1/access/scopes',
        'GET /v1/access/grants',
        'PATCH /v1/access/grants/{grantId}',
        'DELETE /v1/access/grants/{grantId}',
      ].sort(),
    );
    const decision = operations.find((o) => o.key === 'POST /v1/review-tasks/{taskId}/decision')!;
    expect(resolve(decision.op.responses['403']).description).toContain('Open to operator callers only');
  });

  it('the Problem schema is RFC 9457 with code, errors[].field and requestId', () => {
    const schema = doc.components.schemas.Problem;
    expect(schema.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'code', 'detail', 'instance', 'requestId']),
    );
    expect(schema.properties.errors.items.required).toEqual(['field', 'message']);
  });

  it('names a server, gives every operation a summary, types the sandbox clock and pages by integer', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(operations.filter((o) => !o.op.summary).map((o) => o.key)).toEqual([]);
    const advance = operations.find((o) => o.key === 'POST /v1/sandbox/clock/advance')!;
    expect(advance.op.responses['200'].content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/AdvanceClockResponse',
    });
    expect(doc.components.schemas.AdvanceClockResponse.required).toEqual(
      expect.arrayContaining(['now', 'from', 'firedTimers']),
    );
    const limits = operations.flatMap((o) => (o.op.parameters ?? []).filter((p) => p.name === 'limit'));
    expect(limits.length).toBeGreaterThan(0);
    for (const limit of limits)
      expect(limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 200 });
  });

  it("real problem answers have the documented status and carry the Problem schema's required fields", async () => {
    const operator = await t.operatorToken();
    const seller = await t.sellerToken(['store-a']);
    const cases: [string, string, Promise<{ status: number; headers: Headers; body: any }>][] = [
      ['GET /v1/orders', '401', t.http.get('/v1/orders')],
      ['GET /v1/orders', '400', t.http.get('/v1/orders?limit=1.5', operator)],
      [
        'GET /v1/orders/{orderId}',
        '404',
        t.http.get('/v1/orders/0190d3b4-7c1e-7a35-9b1a-2f4c5d6e7f80', seller),
      ],
      [
        'GET /v1/audit-log',
        '403',
        t.http.get(
          '/v1/audit-log',
          await t.token({ kind: 'seller_staff', stores: ['store-a'], scopes: ['orders:read'] }),
        ),
      ],
      [
        'POST /v1/orders',
        '415',
        t.http.request('POST', '/v1/orders', {
          token: operator,
          rawBody: '<order/>',
          headers: { 'content-type': 'application/xml' },
        }),
      ],
    ];
    const required: string[] = doc.components.schemas.Problem.required;
    for (const [key, status, pending] of cases) {
      const response = await pending;
      const operation = operations.find((o) => o.key === key)!;
      expect({ key, status: String(response.status) }).toEqual({ key, status });
      expect(Object.keys(operation.op.responses)).toContain(status);
      expect(response.headers.get('content-type')).toContain(PROBLEM);
      expect({ key, missing: required.filter((field) => !(field in response.body)) }).toEqual({
        key,
        missing: [],
      });
    }
    const badLimit = await t.http.get('/v1/orders?limit=1.5', operator);
    expect(badLimit.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
  });
});
