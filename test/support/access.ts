import { basicAuth, formAction, OAuthBrowser, pkcePair, tokenRequest } from './oauth-browser';
import type { TestApp } from './test-app';

/** A seller organisation's first admin, as created: sign in with username and password. */
export interface CreatedAdmin {
  staffId: string;
  username: string;
  password: string;
}

export interface CreatedOrganisation {
  id: string;
  mainAccounts: { id: string; stores: string[] }[];
  admin: CreatedAdmin;
}

export interface StaffSpec {
  username: string;
  password?: string;
  displayName?: string;
  roles: string[];
  storeIds?: string[];
}

export interface CreatedStaff {
  staffId: string;
  username: string;
  password: string;
  body: any;
}

const expectStatus = (what: string, response: { status: number; body: unknown }, ...ok: number[]): void => {
  if (!ok.includes(response.status))
    throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`);
};

/**
 * A seller organisation through the operators' REST API (API-1): its main accounts and their
 * stores, and its first admin (by default `<id>-admin` with a password of its own). Creating the
 * same again is a no-op, so suites may share ids across their tests.
 */
export async function createOrganisation(
  t: TestApp,
  spec: {
    id: string;
    name?: string;
    mainAccounts: { id: string; name?: string; stores: string[] }[];
    admin?: { username: string; password: string; displayName?: string };
  },
): Promise<CreatedOrganisation> {
  const operator = await t.operatorToken();
  const admin = spec.admin ?? { username: `${spec.id}-admin`, password: `${spec.id}-admin-password` };
  const created = await t.http.post(
    '/v1/access/organisations',
    {
      id: spec.id,
      name: spec.name ?? `Organisation ${spec.id}`,
      admin: {
        username: admin.username,
        password: admin.password,
        displayName: admin.displayName ?? `Admin of ${spec.id}`,
      },
    },
    operator,
  );
  expectStatus(`organisation ${spec.id}`, created, 200, 201);
  for (const account of spec.mainAccounts) {
    const response = await t.http.post(
      `/v1/access/organisations/${encodeURIComponent(spec.id)}/main-accounts`,
      { id: account.id, name: account.name ?? `Main account ${account.id}` },
      operator,
    );
    expectStatus(`main account ${account.id}`, response, 200, 201);
    for (const storeId of account.stores) await addStore(t, account.id, storeId);
  }
  return {
    id: spec.id,
    mainAccounts: spec.mainAccounts.map((m) => ({ id: m.id, stores: [...m.stores] })),
    admin: {
      staffId: created.body.admin.id,
      username: created.body.admin.username,
      password: admin.password,
    },
  };
}

/** A store joins a main account (later than the others, when called after createOrganisation). */
export async function addStore(
  t: TestApp,
  mainAccountId: string,
  storeId: string,
  name = `Store ${storeId}`,
): Promise<any> {
  const response = await t.http.post(
    `/v1/access/main-accounts/${encodeURIComponent(mainAccountId)}/stores`,
    { id: storeId, name },
    await t.operatorToken(),
  );
  expectStatus(`store ${storeId}`, response, 200, 201);
  return response.body;
}

/** A staff member created by an admin (through the admin's REST API). */
export async function createStaff(t: TestApp, adminToken: string, spec: StaffSpec): Promise<CreatedStaff> {
  const password = spec.password ?? `${spec.username}-password`;
  const response = await t.http.post(
    '/v1/access/staff',
    {
      username: spec.username,
      password,
      displayName: spec.displayName ?? `Staff ${spec.username}`,
      roles: spec.roles,
      ...(spec.storeIds ? { storeIds: spec.storeIds } : {}),
    },
    adminToken,
  );
  expectStatus(`staff ${spec.username}`, response, 200, 201);
  return { staffId: response.body.id, username: response.body.username, password, body: response.body };
}

/** A dev token for a staff member: its subject is the staff id (as the OAuth server's would be). */
export function staffToken(
  t: TestApp,
  staffId: string,
  stores: string[],
  scopes?: string[],
): Promise<string> {
  return t.token({ kind: 'seller_staff', id: staffId, stores, ...(scopes ? { scopes } : {}) });
}

// The OAuth browser flow, for consentGrant below (kept with it so the functions above stay untouched).

/** A grant a seller admin consented to, with the tokens the app got for it. */
export interface ConsentedGrant {
  /** oidc-provider's grant id: the `gid` claim of the access token, the id of `/v1/access/grants/{grantId}`. */
  grantId: string;
  accessToken: string;
  refreshToken: string;
}

/**
 * API-1: a partner app's grant, made as in production: the seller admin signs in through the
 * browser flow (authorization code + PKCE), consents to `stores` and `mainAccounts`, and the app
 * exchanges the code with its secret. The app must be registered with `redirectUri` (default
 * `http://127.0.0.1:9/cb`) and `scope` (default `orders:read`). Every call makes a new grant.
 */
export async function consentGrant(
  t: TestApp,
  spec: {
    clientId: string;
    clientSecret: string;
    admin: { username: string; password: string };
    stores?: string[];
    mainAccounts?: string[];
    scope?: string;
    redirectUri?: string;
  },
): Promise<ConsentedGrant> {
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
  const redirectUri = spec.redirectUri ?? 'http://127.0.0.1:9/cb';
  const browser = new OAuthBrowser(base);
  const { verifier, challenge } = pkcePair();
  const query = new URLSearchParams({
    client_id: spec.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: spec.scope ?? 'orders:read',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'consent-grant',
  });
  let page = await browser.follow(`/oauth/auth?${query}`, redirectUri);
  if (page.status === 200 && page.text.includes('/login"'))
    page = await browser.follow(formAction(page.text, '/login'), redirectUri, 'POST', {
      realm: 'seller',
      username: spec.admin.username,
      password: spec.admin.password,
    });
  if (page.status === 200 && page.text.includes('/confirm"'))
    page = await browser.follow(formAction(page.text, '/confirm'), redirectUri, 'POST', {
      stores: spec.stores ?? [],
      mainAccounts: spec.mainAccounts ?? [],
    });
  if (!page.location?.startsWith(`${redirectUri}?`))
    throw new Error(
      `consent for ${spec.clientId} did not come back: ${page.status} ${page.text.slice(0, 500)}`,
    );
  const code = new URL(page.location).searchParams.get('code');
  if (!code) throw new Error(`consent for ${spec.clientId} refused: ${page.location}`);
  const tokens = await tokenRequest(
    base,
    '/oauth/token',
    { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier },
    basicAuth(spec.clientId, spec.clientSecret),
  );
  if (tokens.status !== 200)
    throw new Error(
      `code exchange for ${spec.clientId} failed: ${tokens.status} ${JSON.stringify(tokens.body)}`,
    );
  const accessToken = tokens.body.access_token as string;
  const payload = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString('utf8'));
  if (typeof payload.gid !== 'string')
    throw new Error(`the access token carries no grant id: ${JSON.stringify(payload)}`);
  return { grantId: payload.gid, accessToken, refreshToken: tokens.body.refresh_token as string };
}
