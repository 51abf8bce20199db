import { randomUUID } from 'node:crypto';
import {
  ALL_SCOPES,
  isScope,
  OAUTH2_SCHEME,
  type PrincipalKind,
  type Scope,
  SCOPES,
} from '@tradehub/platform';
import type { HttpResponse } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = 'application/problem+json';

/** The kinds a probe tries, in order, until the route's `@AllowedCallers` lets one through. */
const KINDS: PrincipalKind[] = ['operator', 'seller_staff', 'partner_app', 'service'];

interface Operation {
  key: string;
  method: string;
  route: string;
  security?: Record<string, string[]>[];
}

/**
 * API-1: every route declares the one scope it needs, Swagger shows it as the operation's OAuth 2.0
 * requirement, and the auth guard enforces exactly that scope. Generated from the OpenAPI document,
 * so a route added without `@RequiredScope` fails here without anyone listing it.
 */
describe('API-1 route scopes, from the OpenAPI document', () => {
  let t: TestApp;
  let doc: any;
  let operations: Operation[];

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    const response = await t.http.get('/docs-json');
    expect(response.status).toBe(200);
    doc = response.body;
    operations = Object.entries(
      doc.paths as Record<string, Record<string, { security?: Operation['security'] }>>,
    ).flatMap(([route, item]) =>
      Object.entries(item).map(([method, op]) => ({
        key: `${method.toUpperCase()} ${route}`,
        method: method.toUpperCase(),
        route,
        security: op.security,
      })),
    );
  });

  afterAll(() => t.close());

  /** No security requirement: an @Public() route. */
  const isPublic = (o: Operation) => !o.security?.length;
  const scopesOf = (o: Operation) =>
    (o.security ?? []).filter((r) => OAUTH2_SCHEME in r).map((r) => r[OAUTH2_SCHEME]);
  const scopeOf = (o: Operation) => scopesOf(o)[0]?.[0] as Scope | undefined;
  const guarded = () => operations.filter((o) => !isPublic(o));

  /** The route with each path parameter filled by a fresh UUID; an empty body: the scope check comes first. */
  const call = async (o: Operation, scopes: Scope[], kind: PrincipalKind): Promise<HttpResponse> => {
    const token = await t.token({
      kind,
      id: `scope-probe-${kind}`,
      stores: kind === 'seller_staff' || kind === 'partner_app' ? ['store-a'] : '*',
      scopes,
    });
    const path = o.route.replace(/\{[^}]+\}/g, () => randomUUID());
    return t.http.request(o.method, path, { token });
  };

  /** The first principal kind the route admits (`@AllowedCallers` answers 403 FORBIDDEN to the others). */
  const admittedKind = async (o: Operation, scopes: Scope[]): Promise<PrincipalKind> => {
    for (const kind of KINDS) {
      const response = await call(o, scopes, kind);
      if (!(response.status === 403 && response.body?.code === 'FORBIDDEN')) return kind;
    }
    throw new Error(`${o.key}: no principal kind is admitted`);
  };

  it('API-1: every operation that is not public names exactly one oauth2 scope of the catalogue', () => {
    expect(guarded().length).toBeGreaterThanOrEqual(19);
    for (const o of guarded()) {
      const scopes = scopesOf(o);
      expect({ key: o.key, requirements: scopes.length, scopes: scopes[0]?.length }).toEqual({
        key: o.key,
        requirements: 1,
        scopes: 1,
      });
      expect({ key: o.key, known: isScope(scopes[0][0]) }).toEqual({ key: o.key, known: true });
    }
  });

  it('API-1: the operations the document shows as public answer without a token', async () => {
    for (const o of operations.filter(isPublic)) {
      const response = await t.http.request(
        o.method,
        o.route.replace(/\{[^}]+\}/g, () => randomUUID()),
      );
      expect({ key: o.key, status: response.status }).not.toEqual({ key: o.key, status: 401 });
    }
  });

  it('API-1: the oauth2 security scheme has the authorization code and client credentials flows with every scope', () => {
    const scheme = doc.components.securitySchemes[OAUTH2_SCHEME];
    expect(scheme.type).toBe('oauth2');
    expect(scheme.flows.authorizationCode).toMatchObject({
      authorizationUrl: '/oauth/auth',
      tokenUrl: '/oauth/token',
      refreshUrl: '/oauth/token',
    });
    expect(scheme.flows.clientCredentials).toMatchObject({ tokenUrl: '/oauth/token' });
    expect(scheme.flows.authorizationCode.scopes).toEqual(SCOPES);
    expect(scheme.flows.clientCredentials.scopes).toEqual(SCOPES);
    // The development tokens of the sandbox's CLI still have their bearer scheme.
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('API-1: Swagger UI serves its OAuth 2.0 redirect page and authorizes with PKCE as swagger-ui', async () => {
    const redirect = await t.http.get('/docs/oauth2-redirect.html');
    expect(redirect.status).toBe(200);
    expect(redirect.headers.get('content-type')).toContain('text/html');
    const init = await t.http.get('/docs/swagger-ui-init.js');
    expect(init.status).toBe(200);
    expect(init.body).toContain('"usePkceWithAuthorizationCodeGrant": true');
    expect(init.body).toContain('"clientId": "swagger-ui"');
    expect(init.body).toMatch(/"oauth2RedirectUrl": "https?:\/\/[^"]+\/docs\/oauth2-redirect\.html"/);
  });

  it('API-1: for every operation, a token lacking only its scope gets 403 INSUFFICIENT_SCOPE naming it; with the scope it passes', async () => {
    for (const o of guarded()) {
      const scope = scopeOf(o);
      if (!scope) throw new Error(`${o.key} declares no oauth2 scope`);
      const lacking = ALL_SCOPES.filter((s) => s !== scope);
      const kind = await admittedKind(o, lacking);

      const refused = await call(o, lacking, kind);
      expect({ key: o.key, kind, status: refused.status, code: refused.body?.code }).toEqual({
        key: o.key,
        kind,
        status: 403,
        code: 'INSUFFICIENT_SCOPE',
      });
      expect(refused.headers.get('content-type')).toContain(PROBLEM);
      expect(refused.body.detail).toContain(scope);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'scope' })]);
      expect(refused.headers.get('www-authenticate')).toContain(`scope="${scope}"`);

      // The same token with the scope, and a token with nothing but the scope: past the scope check
      // (a 400, 404 or 422 of the empty probe is fine).
      for (const scopes of [ALL_SCOPES, [scope]]) {
        const passed = await call(o, scopes, kind);
        expect({
          key: o.key,
          scopes: scopes.length,
          status: passed.status,
          code: passed.body?.code,
        }).not.toEqual(expect.objectContaining({ status: 403, code: 'INSUFFICIENT_SCOPE' }));
        expect({ key: o.key, status: passed.status }).not.toEqual({ key: o.key, status: 401 });
      }
    }
  });
});
