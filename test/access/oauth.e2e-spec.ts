import fc from 'fast-check';
import { SignJWT, generateKeyPair } from 'jose';
import { addStore, createOrganisation, createStaff } from '../support/access';
import { withClient } from '../support/database';
import { eventually } from '../support/eventually';
import { paidOrder } from '../support/orders';
import { basicAuth, formAction, OAuthBrowser, pkcePair, tokenRequest } from '../support/oauth-browser';
import { startTestApp, type TestApp } from '../support/test-app';

const REDIRECT = 'http://127.0.0.1:9/erp/callback';

describe('Partner access: OAuth 2.0 authorization server and API guard (API-1, real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  let base: string;
  let operator: string;
  let admin: { username: string; password: string };
  let app: { clientId: string; clientSecret: string };
  const orders: Record<string, string> = {};

  const place = async (storeId: string, mainAccountId: string): Promise<string> => {
    const placed = await t.http.post(
      '/v1/orders',
      paidOrder({ storeId, mainAccountId, sellerId: 'org-api1' }),
      operator,
    );
    expect(placed.status).toBe(201);
    return placed.body.id;
  };

  const registerApp = async (body: Record<string, unknown>) => {
    const registered = await t.http.post('/v1/access/apps', body, operator);
    expect(registered.status).toBe(201);
    return registered.body as { clientId: string; clientSecret: string };
  };

  /** A seller admin signs in through the browser, consents with `choose`, and the app exchanges the code. */
  const authorize = async (
    choose: { stores?: string[]; mainAccounts?: string[] },
    options: { scope?: string; browser?: OAuthBrowser; clientId?: string } = {},
  ) => {
    const browser = options.browser ?? new OAuthBrowser(base);
    const { verifier, challenge } = pkcePair();
    const query = new URLSearchParams({
      client_id: options.clientId ?? app.clientId,
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: options.scope ?? 'orders:read shipments:write',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'state-123',
    });
    let page = await browser.follow(`/oauth/auth?${query}`, REDIRECT);
    if (page.status === 200 && page.text.includes('/login"')) {
      page = await browser.follow(formAction(page.text, '/login'), REDIRECT, 'POST', {
        realm: 'seller',
        username: admin.username,
        password: admin.password,
      });
    }
    if (page.status === 200 && page.text.includes('/confirm"')) {
      page = await browser.follow(formAction(page.text, '/confirm'), REDIRECT, 'POST', {
        stores: choose.stores ?? [],
        mainAccounts: choose.mainAccounts ?? [],
      });
    }
    expect(page.location).toMatch(new RegExp(`^${REDIRECT}\\?`));
    const redirect = new URL(page.location!);
    expect(redirect.searchParams.get('state')).toBe('state-123');
    const code = redirect.searchParams.get('code')!;
    return { code, verifier, browser };
  };

  const exchange = (code: string, verifier: string, client = app) =>
    tokenRequest(
      base,
      '/oauth/token',
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier },
      basicAuth(client.clientId, client.clientSecret),
    );

  const refresh = (refreshToken: string, client = app) =>
    tokenRequest(
      base,
      '/oauth/token',
      { grant_type: 'refresh_token', refresh_token: refreshToken },
      basicAuth(client.clientId, client.clientSecret),
    );

  const grantedTokens = async (choose: { stores?: string[]; mainAccounts?: string[] }) => {
    const { code, verifier } = await authorize(choose);
    const tokens = await exchange(code, verifier);
    expect(tokens.status).toBe(200);
    return tokens.body as { access_token: string; refresh_token: string; scope: string; token_type: string };
  };

  const orderIds = async (token: string): Promise<string[]> => {
    const listed = await t.http.get('/v1/orders?limit=100', token);
    expect(listed.status).toBe(200);
    return listed.body.items.map((o: { id: string }) => o.id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    operator = await t.operatorToken();
    const org = await createOrganisation(t, {
      id: 'org-api1',
      mainAccounts: [
        { id: 'ma-api1-1', stores: ['s-api1-1a', 's-api1-1b'] },
        { id: 'ma-api1-2', stores: ['s-api1-2a'] },
      ],
    });
    admin = { username: org.admin.username, password: org.admin.password };
    orders.s1a = await place('s-api1-1a', 'ma-api1-1');
    orders.s1b = await place('s-api1-1b', 'ma-api1-1');
    orders.s2a = await place('s-api1-2a', 'ma-api1-2');
    app = await registerApp({
      clientId: 'erp-api1',
      name: 'ERP under test',
      kind: 'partner',
      redirectUris: [REDIRECT],
      scopes: ['orders:read', 'shipments:write', 'refunds:write'],
    });
  }, 120_000);

  afterAll(() => t?.close());

  it('API-1: discovery metadata names the endpoints, PKCE S256 and the grant types', async () => {
    for (const path of [
      '/oauth/.well-known/oauth-authorization-server',
      '/.well-known/oauth-authorization-server/oauth',
    ]) {
      const meta = await t.http.get(path);
      expect(meta.status).toBe(200);
      expect(meta.body).toMatchObject({
        issuer: expect.stringMatching(/\/oauth$/),
        token_endpoint: expect.stringMatching(/\/oauth\/token$/),
        authorization_endpoint: expect.stringMatching(/\/oauth\/auth$/),
        revocation_endpoint: expect.stringMatching(/\/oauth\/token\/revocation$/),
        introspection_endpoint: expect.stringMatching(/\/oauth\/token\/introspection$/),
        code_challenge_methods_supported: ['S256'],
      });
      expect(meta.body.grant_types_supported).toEqual(
        expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
      );
      expect(meta.body.scopes_supported).toEqual(expect.arrayContaining(['orders:read', 'shipments:write']));
    }
    const jwks = await t.http.get('/oauth/jwks');
    expect(jwks.body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' });
    expect(jwks.body.keys[0].d).toBeUndefined();
  });

  it('API-1: the authorization code flow with PKCE: sign-in, a consent page choosing stores, a token that carries the grant', async () => {
    const browser = new OAuthBrowser(base);
    const { verifier, challenge } = pkcePair();
    const query = new URLSearchParams({
      client_id: app.clientId,
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'orders:read shipments:write',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'xyz',
    });
    const login = await browser.follow(`/oauth/auth?${query}`, REDIRECT);
    expect(login.status).toBe(200);
    expect(login.headers.get('content-type')).toContain('text/html');
    expect(login.text).toContain('ERP under test');
    const wrong = await browser.request('POST', formAction(login.text, '/login'), {
      realm: 'seller',
      username: admin.username,
      password: 'not-the-password-at-all',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Wrong username or password');
    const consent = await browser.follow(formAction(login.text, '/login'), REDIRECT, 'POST', {
      realm: 'seller',
      username: admin.username,
      password: admin.password,
    });
    expect(consent.status).toBe(200);
    // The consent page lists the scopes and every store and main account of the organisation.
    for (const text of [
      'orders:read',
      'shipments:write',
      's-api1-1a',
      's-api1-1b',
      's-api1-2a',
      'ma-api1-1',
      'ma-api1-2',
    ])
      expect(consent.text).toContain(text);
    expect(consent.text).not.toContain('refunds:write');
    const empty = await browser.request('POST', formAction(consent.text, '/confirm'), {});
    expect(empty.status).toBe(422);
    const done = await browser.follow(formAction(consent.text, '/confirm'), REDIRECT, 'POST', {
      stores: ['s-api1-1a'],
      mainAccounts: ['ma-api1-2'],
    });
    const redirect = new URL(done.location!);
    expect(redirect.searchParams.get('state')).toBe('xyz');
    const tokens = await exchange(redirect.searchParams.get('code')!, verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', scope: 'orders:read shipments:write' });
    expect(tokens.body.refresh_token).toEqual(expect.any(String));
    const [header, payload] = tokens.body.access_token
      .split('.')
      .slice(0, 2)
      .map((p: string) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    // The token carries the grant: its id, its stores and main accounts, and the scopes.
    expect(payload).toMatchObject({
      client_id: app.clientId,
      scope: 'orders:read shipments:write',
      gid: expect.any(String),
      stores: ['s-api1-1a'],
      main_accounts: ['ma-api1-2'],
    });

    const visible = await orderIds(tokens.body.access_token);
    expect(visible).toEqual(expect.arrayContaining([orders.s1a, orders.s2a]));
    expect(visible).not.toContain(orders.s1b);
    // API-2 through an OAuth token: the ungranted store's order answers like a missing one.
    const foreign = await t.http.get(`/v1/orders/${orders.s1b}`, tokens.body.access_token);
    const missing = await t.http.get(
      '/v1/orders/019a0000-0000-7000-8000-000000000000',
      tokens.body.access_token,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe(missing.body.code);

    // The admin sees the grant.
    const grants = await t.http.get('/v1/access/grants', await adminToken());
    expect(grants.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          grantId: payload.gid,
          clientId: app.clientId,
          storeIds: ['s-api1-1a'],
          mainAccountIds: ['ma-api1-2'],
        }),
      ]),
    );
  });

  it('API-1: a grant on a main account covers the stores that join it later', async () => {
    const tokens = await grantedTokens({ mainAccounts: ['ma-api1-2'] });
    await addStore(t, 'ma-api1-2', 's-api1-2b');
    const later = await place('s-api1-2b', 'ma-api1-2');
    expect(await orderIds(tokens.access_token)).toEqual(expect.arrayContaining([orders.s2a, later]));
    expect((await t.http.get(`/v1/orders/${later}`, tokens.access_token)).status).toBe(200);
  });

  it('API-1: a route needing a scope the token lacks answers 403 problem+json naming the scope', async () => {
    const tokens = await grantedTokens({ stores: ['s-api1-1a'] });
    const cancel = await t.http.post(
      `/v1/orders/${orders.s1a}/cancel`,
      { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
      tokens.access_token,
    );
    expect(cancel.status).toBe(403);
    expect(cancel.headers.get('content-type')).toContain('application/problem+json');
    expect(cancel.body).toMatchObject({ code: 'INSUFFICIENT_SCOPE', errors: [{ field: 'scope' }] });
    expect(cancel.body.detail).toContain('orders:write');
    expect(cancel.headers.get('www-authenticate')).toContain('insufficient_scope');
  });

  it('API-1: refresh tokens rotate; a reused one is refused and ends the whole family, access tokens included', async () => {
    const first = await grantedTokens({ stores: ['s-api1-1a'] });
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect((await t.http.get(`/v1/orders/${orders.s1a}`, second.body.access_token)).status).toBe(200);
    const reused = await refresh(first.refresh_token);
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe('invalid_grant');
    const successor = await refresh(second.body.refresh_token);
    expect(successor.status).toBe(400);
    expect(successor.body.error).toBe('invalid_grant');
    const after = await t.http.get(`/v1/orders/${orders.s1a}`, second.body.access_token);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('INVALID_TOKEN');
  });

  it('API-1: revoking a grant, or removing a store from it, applies to the next call within the same second', async () => {
    const tokens = await grantedTokens({ stores: ['s-api1-1a', 's-api1-1b'] });
    const gid = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url').toString()).gid;
    const adminBearer = await adminToken();
    expect((await t.http.get(`/v1/orders/${orders.s1b}`, tokens.access_token)).status).toBe(200);

    const narrowedAt = Date.now();
    const narrowed = await t.http.request('PATCH', `/v1/access/grants/${gid}`, {
      token: adminBearer,
      body: { storeIds: ['s-api1-1a'], mainAccountIds: [] },
    });
    expect(narrowed.status).toBe(200);
    expect((await t.http.get(`/v1/orders/${orders.s1b}`, tokens.access_token)).status).toBe(404);
    expect((await t.http.get(`/v1/orders/${orders.s1a}`, tokens.access_token)).status).toBe(200);

    const revoked = await t.http.request('DELETE', `/v1/access/grants/${gid}`, { token: adminBearer });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const refused = await t.http.get(`/v1/orders/${orders.s1a}`, tokens.access_token);
    expect(Date.now() - narrowedAt).toBeLessThan(1000);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      code: 'INVALID_TOKEN',
      detail: 'the grant behind this token was revoked',
    });
    const refreshAfter = await refresh(tokens.refresh_token);
    expect(refreshAfter.body.error).toBe('invalid_grant');
    // Another organisation's admin cannot see or revoke it (API-2).
    const other = await createOrganisation(t, {
      id: 'org-api1-other',
      mainAccounts: [{ id: 'ma-api1-o', stores: ['s-api1-o'] }],
    });
    const foreign = await t.http.request('DELETE', `/v1/access/grants/${gid}`, {
      token: await t.token({ kind: 'seller_staff', id: other.admin.staffId, stores: ['s-api1-o'] }),
    });
    expect(foreign.status).toBe(404);
  });

  it('API-1: introspection (RFC 7662) and revocation (RFC 7009) of a refresh token', async () => {
    const tokens = await grantedTokens({ stores: ['s-api1-1a'] });
    const auth = basicAuth(app.clientId, app.clientSecret);
    const active = await tokenRequest(
      base,
      '/oauth/token/introspection',
      { token: tokens.refresh_token },
      auth,
    );
    expect(active.body).toMatchObject({ active: true, client_id: app.clientId });
    const revoked = await tokenRequest(
      base,
      '/oauth/token/revocation',
      { token: tokens.refresh_token, token_type_hint: 'refresh_token' },
      auth,
    );
    expect(revoked.status).toBe(200);
    const inactive = await tokenRequest(
      base,
      '/oauth/token/introspection',
      { token: tokens.refresh_token },
      auth,
    );
    expect(inactive.body).toEqual({ active: false });
    // Revoking the refresh token ends its grant: the access token issued with it is refused at once.
    expect((await t.http.get(`/v1/orders/${orders.s1a}`, tokens.access_token)).status).toBe(401);
    // The admin's list shows it ended, and by whom; the audit trail has it (CMP-6).
    const gid = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url').toString()).gid;
    await eventually(async () => {
      const listed = await t.http.get('/v1/access/grants?includeRevoked=true', await adminToken());
      expect(listed.body.items.find((g: { grantId: string }) => g.grantId === gid)).toMatchObject({
        revokedAt: expect.any(String),
      });
    });
    const audit = await t.http.get(`/v1/audit-log?subjectType=app-grant&subjectId=${gid}`, operator);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'app-grant.revoked',
      'app-grant.consented',
    ]);
  });

  it('API-1: client credentials for an internal service (checkout) with its scopes only', async () => {
    const checkout = await registerApp({
      clientId: 'svc-checkout-api1',
      name: 'Checkout',
      kind: 'service',
      redirectUris: [],
      scopes: ['orders:write'],
    });
    expect(checkout.clientSecret).toEqual(expect.any(String));
    const issued = await tokenRequest(
      base,
      '/oauth/token',
      { grant_type: 'client_credentials', scope: 'orders:write' },
      basicAuth(checkout.clientId, checkout.clientSecret),
    );
    expect(issued.status).toBe(200);
    const token = issued.body.access_token;
    const ingested = await t.http.post(
      '/v1/orders',
      paidOrder({ storeId: 's-api1-1a', mainAccountId: 'ma-api1-1' }),
      token,
    );
    expect(ingested.status).toBe(201);
    const read = await t.http.get('/v1/orders', token);
    expect(read.status).toBe(403);
    expect(read.body.code).toBe('INSUFFICIENT_SCOPE');
    const notAllowed = await tokenRequest(
      base,
      '/oauth/token',
      { grant_type: 'client_credentials', scope: 'orders:read' },
      basicAuth(checkout.clientId, checkout.clientSecret),
    );
    expect(notAllowed.status).toBe(400);
    expect(notAllowed.body.error).toBe('invalid_scope');
    const wrongSecret = await tokenRequest(
      base,
      '/oauth/token',
      { grant_type: 'client_credentials', scope: 'orders:write' },
      basicAuth(checkout.clientId, 'wrong'),
    );
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.error).toBe('invalid_client');
    // Disabling the service cuts its live token off at once.
    const disabled = await t.http.request('PATCH', `/v1/access/apps/${checkout.clientId}`, {
      token: operator,
      body: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect((await t.http.post('/v1/orders', paidOrder({ storeId: 's-api1-1a' }), token)).status).toBe(401);
    // The secret is stored hashed, never as given.
    const listed = await t.http.get('/v1/access/apps', operator);
    expect(JSON.stringify(listed.body)).not.toContain(checkout.clientSecret);
    expect(
      listed.body.items.find((a: { clientId: string }) => a.clientId === checkout.clientId),
    ).toMatchObject({
      kind: 'service',
      scopes: ['orders:write'],
      redirectUris: [],
      disabled: true,
    });
  });

  it('API-1: a client secret is shown once: kept as a hash, and a retried registration answers without it', async () => {
    const body = {
      clientId: 'erp-once-api1',
      name: 'Once',
      kind: 'partner',
      redirectUris: [REDIRECT],
      scopes: ['orders:read'],
    };
    const first = await t.http.post('/v1/access/apps', body, operator, {
      'idempotency-key': 'register-once',
    });
    expect(first.status).toBe(201);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const secret = first.body.clientSecret as string;
    expect(secret.length).toBeGreaterThanOrEqual(43);
    const replay = await t.http.post('/v1/access/apps', body, operator, {
      'idempotency-key': 'register-once',
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const { clientSecret: _shown, ...rest } = first.body;
    expect(replay.body).toEqual(rest);
    const retried = await t.http.post('/v1/access/apps', body, operator);
    expect(retried.body.clientSecret).toBeUndefined();
    const conflicting = await t.http.post('/v1/access/apps', { ...body, name: 'Other' }, operator);
    expect(conflicting.status).toBe(409);
    const stored = await withClient(t.databaseUrl, async (db) => ({
      app: (await db.query(`select secret_hash from access.apps where client_id = $1`, [body.clientId]))
        .rows[0],
      leaks: (
        await db.query(
          `select count(*)::int as n from platform.idempotency_keys where response_body::text like $1`,
          [`%${secret}%`],
        )
      ).rows[0].n,
      audit: (
        await db.query(`select count(*)::int as n from platform.audit_log where changes::text like $1`, [
          `%${secret}%`,
        ])
      ).rows[0].n,
    }));
    expect(stored.app.secret_hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(stored).toMatchObject({ leaks: 0, audit: 0 });
    // The secret works; a rotated one replaces it at once.
    const ok = await authorize({ stores: ['s-api1-1a'] }, { clientId: body.clientId, scope: 'orders:read' });
    expect(
      (await exchange(ok.code, ok.verifier, { clientId: body.clientId, clientSecret: secret })).status,
    ).toBe(200);
    const rotated = await t.http.post(`/v1/access/apps/${body.clientId}/secret`, {}, operator);
    expect(rotated.status).toBe(200);
    const old = await authorize({ stores: ['s-api1-1a'] }, { clientId: body.clientId, scope: 'orders:read' });
    expect(
      (await exchange(old.code, old.verifier, { clientId: body.clientId, clientSecret: secret })).status,
    ).toBe(401);
  });

  it('API-1: bad input to the authorization server is refused per the OAuth 2.0 specs, never with a 5xx', async () => {
    const { challenge } = pkcePair();
    const auth = (params: Record<string, string>) =>
      new OAuthBrowser(base).follow(
        `/oauth/auth?${new URLSearchParams({ client_id: app.clientId, response_type: 'code', redirect_uri: REDIRECT, code_challenge: challenge, code_challenge_method: 'S256', scope: 'orders:read', ...params })}`,
        REDIRECT,
      );
    // A redirect URI that was not registered: an error page, never a redirect to it.
    const badRedirect = await auth({ redirect_uri: 'https://attacker.invalid/cb' });
    expect(badRedirect.status).toBe(400);
    expect(badRedirect.location).toBeNull();
    expect(badRedirect.text).toContain('redirect_uri');
    // Missing PKCE challenge: invalid_request back to the client.
    const noPkce = await new OAuthBrowser(base).follow(
      `/oauth/auth?${new URLSearchParams({ client_id: app.clientId, response_type: 'code', redirect_uri: REDIRECT, scope: 'orders:read' })}`,
      REDIRECT,
    );
    expect(new URL(noPkce.location!).searchParams.get('error')).toBe('invalid_request');
    // An unknown scope: invalid_scope back to the client.
    const unknownScope = await auth({ scope: 'orders:read moon:phase' });
    expect(new URL(unknownScope.location!).searchParams.get('error')).toBe('invalid_scope');
    // An unknown client: an error page.
    expect((await auth({ client_id: 'no-such-client' })).status).toBe(400);

    // The code exchange: missing verifier, wrong verifier, a code used twice, an expired code.
    const one = await authorize({ stores: ['s-api1-1a'] });
    const missingVerifier = await tokenRequest(
      base,
      '/oauth/token',
      { grant_type: 'authorization_code', code: one.code, redirect_uri: REDIRECT },
      basicAuth(app.clientId, app.clientSecret),
    );
    expect(missingVerifier.status).toBe(400);
    expect(missingVerifier.body.error).toMatch(/invalid_grant|invalid_request/);
    const two = await authorize({ stores: ['s-api1-1a'] });
    const wrongVerifier = await exchange(two.code, pkcePair().verifier);
    expect(wrongVerifier.body.error).toBe('invalid_grant');
    const three = await authorize({ stores: ['s-api1-1a'] });
    expect((await exchange(three.code, three.verifier)).status).toBe(200);
    const again = await exchange(three.code, three.verifier);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
    const four = await authorize({ stores: ['s-api1-1a'] });
    // The code's lifetime passes (60 s by default): its row's expiry is moved to the past.
    await withClient(t.databaseUrl, (db) =>
      db.query(
        `update access.oidc_model set expires_at = now() - interval '1 second' where kind = 'AuthorizationCode'`,
      ),
    );
    const expired = await exchange(four.code, four.verifier);
    expect(expired.body.error).toBe('invalid_grant');
    const wrongRedirect = await tokenRequest(
      base,
      '/oauth/token',
      {
        grant_type: 'authorization_code',
        code: 'x',
        redirect_uri: 'https://attacker.invalid/cb',
        code_verifier: 'y'.repeat(43),
      },
      basicAuth(app.clientId, app.clientSecret),
    );
    expect(wrongRedirect.status).toBe(400);
    const noGrantType = await tokenRequest(
      base,
      '/oauth/token',
      {},
      basicAuth(app.clientId, app.clientSecret),
    );
    expect(noGrantType.body.error).toBe('invalid_request');
    const password = await tokenRequest(
      base,
      '/oauth/token',
      { grant_type: 'password', username: 'a', password: 'b' },
      basicAuth(app.clientId, app.clientSecret),
    );
    expect(password.body.error).toBe('unsupported_grant_type');

    // Forged tokens: another key, alg:none, HS256 with the public key as secret, garbage.
    const forgedClaims = {
      client_id: app.clientId,
      scope: 'orders:read',
      gid: 'x'.repeat(43),
      sub: 'someone',
    };
    const { privateKey } = await generateKeyPair('RS256');
    const meta = (await t.http.get('/oauth/.well-known/oauth-authorization-server')).body;
    const forged = await new SignJWT(forgedClaims)
      .setProtectedHeader({
        alg: 'RS256',
        typ: 'at+jwt',
        kid: (await t.http.get('/oauth/jwks')).body.keys[0].kid,
      })
      .setIssuer(meta.issuer)
      .setAudience(meta.issuer.replace(/\/oauth$/, '/v1'))
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...forgedClaims, iss: meta.issuer, exp: Math.floor(Date.now() / 1000) + 300, iat: Math.floor(Date.now() / 1000) })).toString('base64url')}.`;
    for (const token of [forged, none, 'not-a-jwt', `${forged}x`]) {
      const answer = await t.http.get('/v1/orders', token);
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('INVALID_TOKEN');
    }
  });

  it("API-1: staff sign in through tradehub's own UI (client swagger-ui): no consent page; roles decide stores and scopes, read at each call", async () => {
    const ui = `${(await t.http.get('/oauth/.well-known/oauth-authorization-server')).body.issuer.replace(/\/oauth$/, '')}/docs/oauth2-redirect.html`;
    const adminBearer = await adminToken();
    const clerk = await createStaff(t, adminBearer, {
      username: 'clerk-api1',
      roles: ['operator'],
      storeIds: ['s-api1-1b'],
    });
    const reader = await createStaff(t, adminBearer, { username: 'reader-api1', roles: ['read_only'] });
    const operatorStaff = await t.http.post(
      '/v1/access/operators',
      {
        username: 'reviewer-api1',
        password: 'reviewer-api1-password',
        displayName: 'Reviewer',
        roles: ['logistics_reviewer'],
      },
      operator,
    );
    expect(operatorStaff.status).toBe(201);
    const signIn = async (realm: string, username: string, password: string) => {
      const browser = new OAuthBrowser(base);
      const { verifier, challenge } = pkcePair();
      const query = new URLSearchParams({
        client_id: 'swagger-ui',
        response_type: 'code',
        redirect_uri: ui,
        scope: 'orders:read orders:write review-tasks:decide',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      });
      const login = await browser.follow(`/oauth/auth?${query}`, ui);
      expect(login.text).toContain('a platform operator');
      const done = await browser.follow(formAction(login.text, '/login'), ui, 'POST', {
        realm,
        username,
        password,
      });
      expect(done.location).toMatch(new RegExp(`^${ui}\\?`));
      const tokens = await tokenRequest(base, '/oauth/token', {
        grant_type: 'authorization_code',
        client_id: 'swagger-ui',
        code: new URL(done.location!).searchParams.get('code')!,
        redirect_uri: ui,
        code_verifier: verifier,
      });
      expect(tokens.status).toBe(200);
      return tokens.body.access_token as string;
    };
    // An operator of one store sees that store only, and may cancel there.
    const clerkToken = await signIn('seller', clerk.username, clerk.password);
    expect(await orderIds(clerkToken)).toEqual([orders.s1b]);
    // Read-only staff see the whole organisation but change nothing (the role has no write scopes).
    const readerToken = await signIn('seller', reader.username, reader.password);
    expect(await orderIds(readerToken)).toEqual(expect.arrayContaining([orders.s1a, orders.s1b, orders.s2a]));
    const refused = await t.http.post(
      `/v1/orders/${orders.s1a}/cancel`,
      { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
      readerToken,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('INSUFFICIENT_SCOPE');
    // A platform operator acts on every store within their duty.
    const reviewerToken = await signIn('platform', 'reviewer-api1', 'reviewer-api1-password');
    expect((await t.http.get(`/v1/orders/${orders.s1a}`, reviewerToken)).status).toBe(200);
    expect(
      (
        await t.http.post(
          `/v1/orders/${orders.s1a}/cancel`,
          { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
          reviewerToken,
        )
      ).body.code,
    ).toBe('INSUFFICIENT_SCOPE');
    // A change of roles or stores, or disabling, applies to the next call with the same token.
    const moved = await t.http.request('PATCH', `/v1/access/staff/${clerk.staffId}`, {
      token: adminBearer,
      body: { storeIds: ['s-api1-1a'] },
    });
    expect(moved.status).toBe(200);
    const nowVisible = await orderIds(clerkToken);
    expect(nowVisible).toContain(orders.s1a);
    expect(nowVisible).not.toContain(orders.s1b);
    const disabled = await t.http.request('PATCH', `/v1/access/staff/${clerk.staffId}`, {
      token: adminBearer,
      body: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect((await t.http.get('/v1/orders', clerkToken)).status).toBe(401);
  });

  it("API-1: a partner's grant is the organisation's: it outlives the admin's sign-in session and their sign-out", async () => {
    const { code, verifier, browser } = await authorize({ stores: ['s-api1-1a'] });
    const tokens = (await exchange(code, verifier)).body;
    // The admin signs out in that browser.
    const logout = await browser.follow('/oauth/session/end', REDIRECT);
    expect(logout.status).toBe(200);
    const signedOut = await browser.request('POST', formAction(logout.text, '/session/end/confirm'), {
      xsrf: /name="xsrf" value="([^"]+)"/.exec(logout.text)![1],
      logout: 'yes',
    });
    expect(signedOut.status).toBeLessThan(400);
    expect((await t.http.get(`/v1/orders/${orders.s1a}`, tokens.access_token)).status).toBe(200);
    // And every sign-in session ends (their 8-hour lifetime passing).
    await withClient(t.databaseUrl, (db) => db.query(`delete from access.oidc_model where kind = 'Session'`));
    const refreshed = await refresh(tokens.refresh_token);
    expect(refreshed.status).toBe(200);
    expect((await t.http.get(`/v1/orders/${orders.s1a}`, refreshed.body.access_token)).status).toBe(200);
  });

  it('API-1: a new consent for the same app replaces the earlier grant; disabling an app revokes its grants, on the record', async () => {
    const registered = await registerApp({
      clientId: 'erp-regrant-api1',
      name: 'Regrant',
      kind: 'partner',
      redirectUris: [REDIRECT],
      scopes: ['orders:read'],
    });
    const first = await authorize(
      { stores: ['s-api1-1a'] },
      { clientId: registered.clientId, scope: 'orders:read' },
    );
    const firstTokens = (await exchange(first.code, first.verifier, registered)).body;
    const second = await authorize(
      { stores: ['s-api1-1a', 's-api1-1b'] },
      { clientId: registered.clientId, scope: 'orders:read' },
    );
    const secondTokens = (await exchange(second.code, second.verifier, registered)).body;
    expect((await t.http.get(`/v1/orders/${orders.s1a}`, firstTokens.access_token)).status).toBe(401);
    expect((await t.http.get(`/v1/orders/${orders.s1b}`, secondTokens.access_token)).status).toBe(200);
    const ofApp = async () =>
      (
        (await t.http.get('/v1/access/grants?includeRevoked=true', await adminToken())).body.items as Array<{
          clientId: string;
          active: boolean;
          revokedAt: string | null;
        }>
      ).filter((g) => g.clientId === registered.clientId);
    expect((await ofApp()).map((g) => g.active)).toEqual([true, false]);
    expect(
      (
        await t.http.request('PATCH', `/v1/access/apps/${registered.clientId}`, {
          token: operator,
          body: { disabled: true },
        })
      ).status,
    ).toBe(200);
    expect((await ofApp()).every((g) => !g.active && g.revokedAt !== null)).toBe(true);
    expect((await t.http.get(`/v1/orders/${orders.s1b}`, secondTokens.access_token)).status).toBe(401);
    // The registration's audit records that a secret was set, never its hash.
    const audit = await t.http.get(
      `/v1/audit-log?subjectType=app&subjectId=${registered.clientId}`,
      operator,
    );
    const registeredEntry = audit.body.items.find((e: { action: string }) => e.action === 'app.registered');
    expect(registeredEntry.changes.secretHash).toEqual({ from: null, to: '(hidden)' });
  });

  it("API-1: tradehub's own UIs never show a consent page (also when asked to), their client ids cannot be registered, and sign-in input of the wrong type is refused as a page", async () => {
    const ui = `${(await t.http.get('/oauth/.well-known/oauth-authorization-server')).body.issuer.replace(/\/oauth$/, '')}/docs/oauth2-redirect.html`;
    const browser = new OAuthBrowser(base);
    const { challenge } = pkcePair();
    const query = new URLSearchParams({
      client_id: 'swagger-ui',
      response_type: 'code',
      redirect_uri: ui,
      scope: 'orders:read',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      prompt: 'consent',
    });
    const login = await browser.follow(`/oauth/auth?${query}`, ui);
    const crafted = await fetch(new URL(formAction(login.text, '/login'), base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: '' },
      body: JSON.stringify({ username: { a: 1 }, password: 12 }),
    });
    expect(crafted.status).toBeLessThan(500);
    const badTypes = await browser.request('POST', formAction(login.text, '/login'), {
      realm: 'seller',
      username: ['a', 'b'],
      password: 'x',
    });
    expect(badTypes.status).toBe(401);
    const done = await browser.follow(formAction(login.text, '/login'), ui, 'POST', {
      realm: 'seller',
      username: admin.username,
      password: admin.password,
    });
    expect(done.location).toMatch(new RegExp(`^${ui}\\?code=`));
    const reserved = await t.http.post(
      '/v1/access/apps',
      {
        clientId: 'tradehub-console',
        name: 'Mine',
        kind: 'service',
        redirectUris: [],
        scopes: ['orders:read'],
      },
      operator,
    );
    expect(reserved.status).toBe(422);
    expect(reserved.body).toMatchObject({ code: 'CLIENT_ID_RESERVED', errors: [{ field: 'clientId' }] });
  });

  it('API-1: random input to every authorization-server endpoint is answered with a 4xx or a redirect, never a 5xx', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        'authorization_code',
        'refresh_token',
        'client_credentials',
        'code',
        'S256',
        'plain',
        REDIRECT,
        app.clientId,
        'orders:read',
        '',
      ),
    );
    const params = fc.dictionary(
      fc.constantFrom(
        'grant_type',
        'code',
        'redirect_uri',
        'code_verifier',
        'client_id',
        'scope',
        'response_type',
        'code_challenge',
        'code_challenge_method',
        'token',
        'token_type_hint',
        'refresh_token',
        'state',
        'resource',
        'prompt',
      ),
      value,
    );
    const endpoint = fc.constantFrom(
      '/oauth/auth',
      '/oauth/token',
      '/oauth/token/introspection',
      '/oauth/token/revocation',
      '/interaction/not-a-uid',
      '/interaction/not-a-uid/login',
      '/interaction/not-a-uid/confirm',
    );
    const auth = fc.constantFrom(
      undefined,
      basicAuth(app.clientId, app.clientSecret),
      basicAuth(app.clientId, 'wrong'),
      'Basic !!!',
      'Bearer x',
    );
    await fc.assert(
      fc.asyncProperty(endpoint, params, auth, fc.boolean(), async (path, form, authorization, asGet) => {
        const url = new URL(path, base);
        const get = asGet || path === '/oauth/auth' || path === '/interaction/not-a-uid';
        if (get) for (const [k, v] of Object.entries(form)) url.searchParams.set(k, v);
        const response = await fetch(url, {
          method: get ? 'GET' : 'POST',
          redirect: 'manual',
          headers: {
            ...(authorization ? { authorization } : {}),
            ...(get ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
          },
          body: get ? undefined : new URLSearchParams(form).toString(),
        });
        await response.arrayBuffer();
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 300, seed: 14 },
    );
  }, 120_000);

  it('API-1: sign-in locks a staff account after repeated failures, also for the right password', async () => {
    const org = await createOrganisation(t, {
      id: 'org-api1-lock',
      mainAccounts: [{ id: 'ma-api1-l', stores: ['s-api1-l'] }],
    });
    const browser = new OAuthBrowser(base);
    const { challenge } = pkcePair();
    const login = await browser.follow(
      `/oauth/auth?${new URLSearchParams({ client_id: app.clientId, response_type: 'code', redirect_uri: REDIRECT, scope: 'orders:read', code_challenge: challenge, code_challenge_method: 'S256' })}`,
      REDIRECT,
    );
    const action = formAction(login.text, '/login');
    for (let i = 0; i < 5; i++)
      expect(
        (
          await browser.request('POST', action, {
            realm: 'seller',
            username: org.admin.username,
            password: `wrong-password-${i}`,
          })
        ).status,
      ).toBe(401);
    const locked = await browser.request('POST', action, {
      realm: 'seller',
      username: org.admin.username,
      password: org.admin.password,
    });
    expect(locked.status).toBe(401);
    expect(locked.text).toContain('locked');
  });

  it('API-1: each client has its own rate limit, shared by every replica: 429 problem+json with Retry-After', async () => {
    const limited = await registerApp({
      clientId: 'svc-limited-api1',
      name: 'Limited',
      kind: 'service',
      redirectUris: [],
      scopes: ['orders:write'],
      rateLimitPerMinute: 4,
    });
    const token = (
      await tokenRequest(
        base,
        '/oauth/token',
        { grant_type: 'client_credentials', scope: 'orders:write' },
        basicAuth(limited.clientId, limited.clientSecret),
      )
    ).body.access_token;
    const replica = await startTestApp({ databaseUrl: t.databaseUrl, kafka: false });
    try {
      // Requests alternate between two replicas; the fifth in the minute is refused wherever it lands.
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const client = i % 2 === 0 ? t.http : replica.http;
        const answer = await client.post('/v1/orders', { bad: 'body' }, token);
        statuses.push(answer.status);
        if (answer.status === 429) {
          expect(answer.headers.get('content-type')).toContain('application/problem+json');
          expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
          expect(answer.body.code).toBe('RATE_LIMITED');
        }
      }
      // A minute boundary may fall inside the loop; then the count starts again.
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
      expect(statuses.slice(0, 4).every((s) => s === 400) || statuses.includes(429)).toBe(true);
    } finally {
      await replica.close();
    }
  });

  async function adminToken(): Promise<string> {
    const org = await orgAdmin();
    return t.token({ kind: 'seller_staff', id: org, stores: ['s-api1-1a', 's-api1-1b', 's-api1-2a'] });
  }

  async function orgAdmin(): Promise<string> {
    const { rows } = await withClient(t.databaseUrl, (db) =>
      db.query<{ id: string }>(`select id from access.staff where realm = 'seller' and username = $1`, [
        admin.username,
      ]),
    );
    return rows[0].id;
  }
});
