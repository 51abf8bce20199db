import { writeFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import { APP_CONFIG, AppConfig } from '@tradehub/platform';
import { baseUrl as baseUrlOf, cainiaoNumber, tinyPdf, uploadProof } from '../support/fulfillment';
import { HttpClient } from '../support/http';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';
import { OpenApiDocument } from '../fuzz/openapi';
import { AuthKind } from '../fuzz/request';
import { FuzzOptions, FuzzReport, runFuzz } from '../fuzz/runner';

/**
 * Requests generated from the OpenAPI document the app serves, valid-looking and then mutated
 * (see docs/fuzzing.md). CI runs a fixed seed and a few hundred requests; `npm run fuzz` runs
 * the same generator with any seed and count, against this app or a running server.
 */
const COUNT = Number(process.env.FUZZ_COUNT ?? 500);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const BASE_URL = process.env.FUZZ_BASE_URL;
const TOKEN = process.env.FUZZ_TOKEN;
const REPORT = process.env.FUZZ_REPORT;

describe('fuzzing every operation of the OpenAPI document', () => {
  let t: TestApp | undefined;
  let http: HttpClient;
  let baseUrl: string;
  let authorization: Partial<Record<AuthKind, string | null>>;
  const known = { ids: {} as Record<string, string[]>, cursors: {} as Record<string, string[]> };

  beforeAll(async () => {
    if (BASE_URL) {
      baseUrl = BASE_URL.replace(/\/$/, '');
      http = new HttpClient(baseUrl);
      authorization = fixedAuthorization(TOKEN);
      return;
    }
    t = await startTestApp({ kafka: false });
    http = t.http;
    baseUrl = baseUrlOf(t);
    authorization = await mintedAuthorization(t);
    await seedResources(t, known);
  });

  afterAll(() => t?.close());

  it(
    `${COUNT} requests from seed ${SEED} get no 5xx, and every 4xx is problem+json`,
    async () => {
      const doc = (await http.get<OpenApiDocument>('/docs-json')).body;
      const report = await runFuzz({
        doc,
        baseUrl,
        authorization,
        seed: SEED,
        count: COUNT,
        known,
        onProgress: (done, r) =>
          process.stdout.write(`[fuzz] ${done}/${COUNT}, ${r.failures.length} failures\n`),
      });
      if (REPORT) writeFileSync(REPORT, JSON.stringify(report, null, 2));
      process.stdout.write(summary(report));
      expect(report.failures).toEqual([]);
      // The server is still whole afterwards.
      expect((await http.get('/health/live')).status).toBe(200);
    },
    COUNT * 250 + 60_000,
  );
});

/** Against a running server only the given token is valid; forged kinds need no secret. */
function fixedAuthorization(token: string | undefined): Partial<Record<AuthKind, string | null>> {
  const bearer = token ? `Bearer ${token}` : null;
  const tampered = token ? `Bearer ${token.slice(0, -2)}xx` : 'Bearer x.y.z';
  return {
    service: bearer,
    operator: bearer,
    seller: bearer,
    'seller-elsewhere': bearer,
    partner: bearer,
    none: null,
    garbage: 'Bearer not.a.token',
    tampered,
    expired: tampered,
    'no-exp': tampered,
    future: tampered,
    basic: 'Basic dXNlcjpwYXNz',
  };
}

async function mintedAuthorization(t: TestApp): Promise<Partial<Record<AuthKind, string | null>>> {
  const config = t.app.get<AppConfig>(APP_CONFIG);
  const now = Math.floor(Date.now() / 1000);
  const signed = (claims: { iat?: number; exp?: number }): Promise<string> => {
    let jwt = new SignJWT({ kind: 'operator', stores: '*', scope: '' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('fuzz-operator')
      .setIssuer(config.auth.issuer);
    if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat);
    if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
    return jwt.sign(new TextEncoder().encode(config.auth.jwtSecret));
  };
  const operator = await t.operatorToken();
  return {
    service: `Bearer ${await t.serviceToken()}`,
    operator: `Bearer ${operator}`,
    seller: `Bearer ${await t.sellerToken(['store-a', 'store-b'])}`,
    'seller-elsewhere': `Bearer ${await t.sellerToken(['store-z'])}`,
    partner: `Bearer ${await t.token({ kind: 'partner_app', id: 'erp-1', stores: ['store-a'] })}`,
    none: null,
    garbage: 'Bearer not.a.token',
    tampered: `Bearer ${operator.slice(0, -2)}xx`,
    expired: `Bearer ${await signed({ iat: now - 7200, exp: now - 3600 })}`,
    'no-exp': `Bearer ${await signed({ iat: now })}`,
    future: `Bearer ${await signed({ iat: now + 3600, exp: now + 7200 })}`,
    basic: 'Basic dXNlcjpwYXNz',
  };
}

/** A few orders, a package and a review task, so that generated ids can point at real things. */
async function seedResources(t: TestApp, known: NonNullable<FuzzOptions['known']>): Promise<void> {
  const service = await t.serviceToken();
  const seller = await t.sellerToken(['store-a']);
  const orders: string[] = [];
  for (let i = 0; i < 3; i++) orders.push((await t.http.post('/v1/orders', paidOrder(), service)).body.id);
  const pkg = await t.http.post(
    `/v1/orders/${orders[0]}/shipments`,
    { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
    seller,
  );
  const task = await uploadProof(t, pkg.body.id, seller, tinyPdf('seed'));
  known.ids = { orderId: orders, packageId: [pkg.body.id], taskId: task.body?.id ? [task.body.id] : [] };
  const operator = await t.operatorToken();
  for (const list of ['/v1/orders', '/v1/audit-log', '/v1/review-tasks']) {
    const cursor = (await t.http.get(`${list}?limit=1`, operator)).body?.nextCursor;
    known.cursors[list] = cursor ? [cursor] : [];
  }
}

function summary(report: FuzzReport): string {
  const statuses = Object.entries(report.byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status}: ${n}`)
    .join(', ');
  return `[fuzz] seed ${report.seed}, ${report.count} requests in ${report.durationMs} ms; ${statuses}; ${report.failures.length} failures\n`;
}
