#!/usr/bin/env node
// A partner ERP's whole journey against a tradehub sandbox, with nothing but fetch:
//   1. the platform registers the app (an operator's call; in the sandbox a dev operator token),
//   2. a seller's admin signs in and consents on tradehub's own page (scripted here as a browser),
//   3. the app exchanges the code (PKCE) and refreshes its tokens,
//   4. pages through the orders of every store and main account it was granted,
//   5. confirms shipments in one batch, and
//   6. reads the events of what it did (Kafka when KAFKA_BROKERS is set, else the order's state).
//
// Usage (against `npm start`, which seeds the demo organisation):
//   OPERATOR_TOKEN=$(npm run --silent token -- --kind operator) node scripts/partner-example.mjs
// Settings: TRADEHUB_URL (http://127.0.0.1:3000), SELLER_USERNAME / SELLER_PASSWORD (the demo
// admin), CLIENT_ID (a new one each run by default), KAFKA_BROKERS, KAFKA_TOPIC_NAMESPACE.
import { createHash, randomBytes } from 'node:crypto';

const BASE = (process.env.TRADEHUB_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const OPERATOR_TOKEN = process.env.OPERATOR_TOKEN;
const USERNAME = process.env.SELLER_USERNAME ?? 'demo-admin';
const PASSWORD = process.env.SELLER_PASSWORD ?? 'demo-admin-password';
const CLIENT_ID = process.env.CLIENT_ID ?? `erp-example-${Date.now().toString(36)}`;
const REDIRECT_URI = 'http://127.0.0.1:8765/callback';
const log = (...args) => console.log('[erp]', ...args);

async function main() {
  if (!OPERATOR_TOKEN)
    throw new Error('OPERATOR_TOKEN is required (npm run --silent token -- --kind operator)');

  // 1. Registration: the secret is shown once; tradehub keeps its hash.
  const app = await api('POST', '/v1/access/apps', OPERATOR_TOKEN, {
    clientId: CLIENT_ID,
    name: 'Example ERP',
    kind: 'partner',
    redirectUris: [REDIRECT_URI],
    scopes: ['orders:read', 'shipments:write'],
    rateLimitPerMinute: 600,
  });
  log('registered', app.clientId);
  const meta = await (await fetch(`${BASE}/.well-known/oauth-authorization-server/oauth`)).json();

  // 2. Consent: the ERP sends the seller's browser to the authorization endpoint with PKCE.
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(8).toString('hex');
  const authorizeUrl = `${meta.authorization_endpoint}?${new URLSearchParams({
    client_id: app.clientId,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'orders:read shipments:write',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  })}`;
  log('send the seller to', authorizeUrl);
  const code = await sellerConsents(authorizeUrl, state);

  // 3. Tokens: client authentication with HTTP Basic, the PKCE verifier, then a refresh (rotated).
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret)}`).toString('base64')}`;
  let tokens = await token(meta.token_endpoint, basic, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
  });
  log('access token for', tokens.expires_in, 's; scopes', tokens.scope);
  tokens = await token(meta.token_endpoint, basic, {
    grant_type: 'refresh_token',
    refresh_token: tokens.refresh_token,
  });
  log('refreshed; keep only the newest refresh token (a reused one ends the grant)');

  // 4. Orders of every granted store, page by page.
  const awaiting = [];
  let cursor;
  do {
    const page = await api(
      'GET',
      `/v1/orders?limit=50&status=WAIT_SELLER_SEND_GOODS${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      tokens.access_token,
    );
    awaiting.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  log(
    `${awaiting.length} orders awaiting shipment in stores`,
    [...new Set(awaiting.map((o) => o.storeId))].join(', '),
  );

  // 5. One batch of confirmations; each item answers on its own, and the Idempotency-Key makes a retry safe.
  const items = awaiting.slice(0, 3).map((o, i) => ({
    orderId: o.id,
    carrierCode: 'CAINIAO',
    trackingNumber: `LP${String(Date.now()).slice(-12)}${String(i).padStart(2, '0')}`, // CAINIAO: LP + 14 digits
  }));
  if (items.length) {
    const batch = await api(
      'POST',
      '/v1/shipments/batch',
      tokens.access_token,
      { items },
      { 'idempotency-key': `erp-${CLIENT_ID}-1` },
    );
    for (const r of batch.results) log('shipment', r.orderId, r.outcome, r.error?.code ?? '');
  }

  // 6. Events: other teams and partners with broker access read them from Kafka; else read back the state.
  if (process.env.KAFKA_BROKERS && items.length) await readEvents(items.map((i) => i.orderId));
  else
    for (const item of items)
      log(
        'order',
        item.orderId,
        (await api('GET', `/v1/orders/${item.orderId}`, tokens.access_token)).status,
      );
  log('done');
}

/** The seller's side, as their browser would do it: sign in, tick the stores, allow. */
async function sellerConsents(authorizeUrl, state) {
  const jar = new Map();
  const go = async (url, form) => {
    const headers = { cookie: [...jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(new URL(url, BASE), {
      method: form ? 'POST' : 'GET',
      headers,
      body: form,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      jar.set(name.trim(), value.join('='));
    }
    return { location: response.headers.get('location'), html: await response.text() };
  };
  let page = await go(authorizeUrl);
  while (page.location && !page.location.startsWith(REDIRECT_URI)) {
    page = await go(page.location);
    const action = (name) => page.html.match(new RegExp(`action="([^"]*/${name})"`))?.[1];
    if (!page.location && action('login')) {
      page = await go(
        action('login'),
        new URLSearchParams({ realm: 'seller', username: USERNAME, password: PASSWORD }),
      );
    } else if (!page.location && action('confirm')) {
      // Grant every main account shown (their future stores included).
      const accounts = [...page.html.matchAll(/name="mainAccounts" value="([^"]+)"/g)].map((m) => m[1]);
      const form = new URLSearchParams();
      for (const a of accounts) form.append('mainAccounts', a);
      page = await go(action('confirm'), form);
    } else if (!page.location) throw new Error(`unexpected page:\n${page.html.slice(0, 500)}`);
  }
  const back = new URL(page.location);
  if (back.searchParams.get('state') !== state) throw new Error('state mismatch');
  if (back.searchParams.get('error')) throw new Error(`consent refused: ${back.searchParams.get('error')}`);
  return back.searchParams.get('code');
}

async function token(endpoint, basic, form) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`token endpoint: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

async function api(method, path, bearer, body, headers = {}) {
  for (;;) {
    const response = await fetch(`${BASE}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    // Over the app's rate limit: wait as told, then retry the same request.
    if (response.status === 429) {
      await new Promise((r) => setTimeout(r, Number(response.headers.get('retry-after') ?? 1) * 1000));
      continue;
    }
    const answer = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  }
}

async function readEvents(orderIds) {
  const { Kafka } = await import('kafkajs');
  const namespace = process.env.KAFKA_TOPIC_NAMESPACE ?? 'tradehub';
  const kafka = new Kafka({
    clientId: CLIENT_ID,
    brokers: process.env.KAFKA_BROKERS.split(','),
    logLevel: 1,
  });
  const consumer = kafka.consumer({ groupId: `${CLIENT_ID}-reader` });
  await consumer.connect();
  await consumer.subscribe({ topic: `${namespace}.fulfillment.v1`, fromBeginning: true });
  const wanted = new Set(orderIds);
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, 15_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        const type = message.headers?.ce_type?.toString();
        const data = JSON.parse(message.value.toString()).data ?? {};
        if (wanted.has(data.orderId)) {
          log('event', type, data.orderId);
          wanted.delete(data.orderId);
          if (!wanted.size) {
            clearTimeout(timer);
            resolve();
          }
        }
      },
    });
  });
  await consumer.disconnect();
}

main().catch((error) => {
  console.error('[erp] failed:', error.message);
  process.exit(1);
});
