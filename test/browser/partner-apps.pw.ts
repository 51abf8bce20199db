import { expect, test } from '@playwright/test';
import { oauthMetadata, pkcePair, registerApp, runId, tokenRequest } from './partner-apps-api';
import { expectAccessible, operatorHeaders, placeDemoOrder, sandboxNow, signIn, usd } from './support';

// Partner apps (operators) and connected apps (seller admins) against the built app
// (test/browser/serve.mjs), with tradehub's OAuth 2.0 server (API-1): the secret an operator sees
// once works at the token endpoint, a rotation stops the old one at once, and a seller admin's
// revocation of a grant refuses the app's tokens from its next call.

test('API-1: an operator registers a partner app and sees its secret once', async ({
  page,
  request,
}, testInfo) => {
  const id = runId();
  const clientId = `svc-pw-${id}`;
  const name = `Warehouse sync ${id}`;
  const metadata = await oauthMetadata(request);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);

  await signIn(page, 'demo-operator', 'demo-operator-password', 'a platform operator');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partner apps' }).click();
  await expect(page).toHaveURL(/\/console\/partner-apps$/);
  await expect(page.getByRole('heading', { name: 'Partner apps', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Register an app' });

  // A problem the server finds in one field is shown beside that field (a non-loopback http URI).
  await form.getByLabel('Client id').fill(clientId);
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Redirect URIs').fill('http://erp.example/callback');
  await form.getByLabel('orders:read', { exact: true }).check();
  await form.getByRole('button', { name: 'Register app' }).click();
  const redirects = form.getByLabel('Redirect URIs');
  await expect(redirects).toHaveAttribute('aria-invalid', 'true');
  await expect(redirects).toBeFocused();
  await expect(form.getByRole('alert')).toHaveText(/^http:\/\/erp\.example\/callback: .*https/);

  // Client credentials (a service) with two scopes and a rate limit.
  await form.getByLabel('Service (client credentials)').check();
  await expect(form.getByLabel('Redirect URIs')).toHaveCount(0);
  await expect(form.getByLabel('apps:manage', { exact: true })).toHaveCount(0);
  await expect(form.getByLabel('orders:read', { exact: true })).toBeChecked();
  await form.getByLabel('shipments:write', { exact: true }).check();
  await expect(form.getByText('Confirm shipments and upload pickup proofs')).toBeVisible();
  await form.getByLabel('Rate limit (requests per minute)').fill('120');
  await form.getByRole('button', { name: 'Register app' }).click();

  // The secret, once, in its marked box with the warning and a Copy button.
  const secretBox = page.getByRole('region', { name: `${name} is registered: its client secret` });
  await expect(secretBox.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(secretBox).toContainText('it will not be shown again');
  await expect(secretBox).toContainText(clientId);
  const secret = await secretBox.getByLabel('Client secret').inputValue();
  expect(secret.length).toBeGreaterThanOrEqual(20);
  await secretBox.getByRole('button', { name: 'Copy' }).click();
  await expect(secretBox.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  // The list shows the app, never a secret.
  const table = page.getByRole('table', { name: 'Registered apps' });
  const row = table.getByRole('row').filter({ hasText: clientId });
  await expect(row).toContainText(name);
  await expect(row).toContainText('Service (client credentials)');
  await expect(row).toContainText('orders:read');
  await expect(row).toContainText('shipments:write');
  await expect(row).toContainText('120 / min');
  await expect(row).toContainText('Enabled');
  await expect(row.locator('time')).toHaveAttribute('title', / UTC$/);
  await expect(table).not.toContainText(secret);
  const listed = await request.get('/v1/access/apps', { headers: operatorHeaders() });
  expect(listed.status()).toBe(200);
  expect(await listed.text()).not.toContain(secret);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('partner-apps.png'), fullPage: true });

  // The secret works at the token endpoint (client credentials) for the scopes it was allowed.
  const issued = await tokenRequest(
    request,
    metadata,
    { clientId, secret },
    {
      grant_type: 'client_credentials',
      scope: 'orders:read',
    },
  );
  expect(issued.status, JSON.stringify(issued.body)).toBe(200);
  expect(issued.body.access_token).toEqual(expect.any(String));
  const read = await request.get('/v1/orders?limit=1', {
    headers: { authorization: `Bearer ${issued.body.access_token}` },
  });
  expect(read.status(), await read.text()).toBe(200);

  // Reloaded, the page no longer has it anywhere.
  await page.reload();
  await expect(table.getByRole('row').filter({ hasText: clientId })).toBeVisible();
  await expect(page.getByLabel('Client secret')).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  // A new secret, after a confirm step: the old one is refused at once, the new one works.
  await row.getByRole('button', { name: `New secret for ${name}` }).click();
  const confirm = page.getByRole('region', { name: `New secret for ${name}` });
  await expect(confirm.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(confirm).toContainText('The current secret stops working at once');
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Issue new secret' }).click();
  const rotatedBox = page.getByRole('region', { name: `New client secret for ${name}` });
  await expect(rotatedBox).toContainText('it will not be shown again');
  const rotated = await rotatedBox.getByLabel('Client secret').inputValue();
  expect(rotated).not.toBe(secret);
  const old = await tokenRequest(
    request,
    metadata,
    { clientId, secret },
    { grant_type: 'client_credentials' },
  );
  expect(old.status).toBe(401);
  expect(old.body.error).toBe('invalid_client');
  const renewed = await tokenRequest(
    request,
    metadata,
    { clientId, secret: rotated },
    {
      grant_type: 'client_credentials',
      scope: 'shipments:write',
    },
  );
  expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
  await rotatedBox.getByRole('button', { name: 'I have stored the secret' }).click();
  await expect(rotatedBox).toHaveCount(0);

  // Edited: the app's own checks beside the field, then a new rate limit and disabled.
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('region', { name: `Edit ${name}` });
  await expect(edit.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(edit.getByLabel('orders:read', { exact: true })).toBeChecked();
  const rateLimit = edit.getByLabel('Rate limit (requests per minute)');
  await expect(rateLimit).toHaveValue('120');
  await rateLimit.fill('many');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(rateLimit).toBeFocused();
  await expect(edit.getByRole('alert')).toHaveText(
    'Give a whole number from 1 to 1,000,000, or leave it empty.',
  );
  await rateLimit.fill('300');
  await edit.getByLabel('Disabled').check();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Changes to ${name} saved` })).toBeVisible();
  await expect(edit).toHaveCount(0);
  await expect(row).toContainText('300 / min');
  await expect(row).toContainText('Disabled');
  const disabled = await tokenRequest(
    request,
    metadata,
    { clientId, secret: rotated },
    {
      grant_type: 'client_credentials',
    },
  );
  expect(disabled.status).not.toBe(200);
  await expectAccessible(page);

  // In Chinese too.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '合作应用', level: 1 })).toBeVisible();
  await expect(page.getByRole('form', { name: '登记应用' })).toBeVisible();
  const rowZh = page
    .getByRole('table', { name: '已登记的应用' })
    .getByRole('row')
    .filter({ hasText: clientId });
  await expect(rowZh).toContainText('已停用');
  await expect(rowZh).toContainText('服务（客户端凭证）');
  await expect(page.getByRole('status').filter({ hasText: `已保存对 ${name} 的更改` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'English' }).click();

  // Connected apps are a seller admin's page: an operator is told so.
  await page.goto('/console/connected-apps');
  await expect(page.getByRole('heading', { name: 'Connected apps', level: 1 })).toBeVisible();
  await expect(
    page.getByText("Connected apps are managed by the seller organisation's admins."),
  ).toBeVisible();
});

test('API-1: a seller admin sees an app their organisation granted, narrows it and revokes it at once', async ({
  browser,
  page,
  request,
}, testInfo) => {
  const id = runId();
  const redirectUri = 'http://127.0.0.1:8765/partner-apps/callback';
  const name = `Example ERP ${id}`;
  const app = await registerApp(request, {
    clientId: `erp-pw-${id}`,
    name,
    kind: 'partner',
    redirectUris: [redirectUri],
    scopes: ['orders:read', 'shipments:write'],
  });
  const client = { clientId: app.clientId, secret: app.clientSecret };
  const metadata = await oauthMetadata(request);
  // An order in a store the grant covers first and loses when narrowed (paid an hour before now).
  const order = await placeDemoOrder(request, {
    marketplaceOrderId: `PA-${id.toUpperCase()}`,
    storeId: 'store-chengdu',
    paidAt: (await sandboxNow(request)) - 3_600_000,
    lines: [{ sku: 'SKU-ERP', title: 'Partner app item', quantity: 1, unitPrice: usd('1999') }],
    shippingFee: usd('0'),
    shippingAddress: {
      name: 'ERP Buyer',
      line1: '1 Main St',
      city: 'Austin',
      postalCode: '73301',
      country: 'US',
    },
  });

  // The seller's consent, as the app sends their browser (authorization code + PKCE): the demo
  // admin signs in on tradehub's page and grants one store and one whole main account.
  const { verifier, challenge } = pkcePair();
  const consentContext = await browser.newContext();
  const consent = await consentContext.newPage();
  await consent.goto(
    `${metadata.authorization_endpoint}?${new URLSearchParams({
      client_id: app.clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'orders:read shipments:write',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: `state-${id}`,
    })}`,
  );
  await expect(consent.getByText(`${name} asks you to sign in.`)).toBeVisible();
  await consent.getByLabel('Username').fill('demo-admin');
  await consent.getByLabel('Password').fill('demo-admin-password');
  await consent.getByRole('button', { name: 'Sign in' }).click();
  await expect(consent.getByRole('heading', { name: `Grant ${name} access` })).toBeVisible();
  await consent.getByLabel('store-chengdu (store-chengdu)').check();
  await consent.getByLabel(/main account acct-east \(acct-east\)/).check();
  const back = consent.waitForRequest((r) => r.url().startsWith(redirectUri));
  await consent.getByRole('button', { name: 'Allow' }).click();
  const callback = new URL((await back).url());
  await consentContext.close();
  expect(callback.searchParams.get('state')).toBe(`state-${id}`);
  const code = callback.searchParams.get('code');
  expect(code).toEqual(expect.any(String));

  const tokens = await tokenRequest(request, metadata, client, {
    grant_type: 'authorization_code',
    code: code!,
    redirect_uri: redirectUri,
    code_verifier: verifier,
  });
  expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
  const bearer = { authorization: `Bearer ${tokens.body.access_token}` };
  const readOrder = async () => (await request.get(`/v1/orders/${order.id}`, { headers: bearer })).status();
  expect(await readOrder()).toBe(200);

  // The demo admin's Connected apps page.
  await signIn(page, 'demo-admin', 'demo-admin-password');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connected apps' }).click();
  await expect(page).toHaveURL(/\/console\/connected-apps$/);
  await expect(page.getByRole('heading', { name: 'Connected apps', level: 1 })).toBeVisible();
  const card = page.getByRole('article', { name });
  await expect(card).toContainText(app.clientId);
  await expect(card).toContainText('store-chengdu');
  await expect(card).toContainText('acct-east');
  await expect(card).toContainText('orders:read');
  await expect(card).toContainText('shipments:write');
  await expect(card).toContainText('Active');
  await expect(card).toContainText(/you \(/);
  await expect(card.locator('time').first()).toHaveAttribute('title', / UTC$/);
  await expectAccessible(page);
  await page.screenshot({
    path: testInfo.outputPath('connected-apps.png'),
    fullPage: true,
  });

  // Narrowed to the main account alone: the Chengdu store's order is gone for the app (API-2).
  await card.getByRole('button', { name: 'Choose fewer stores' }).click();
  const keep = card.getByRole('group', { name: `What ${name} keeps` });
  await expect(keep.getByLabel('store-chengdu')).toBeChecked();
  await keep.getByLabel('store-chengdu').uncheck();
  await expectAccessible(page);
  await card.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toHaveText(`${name} now covers fewer stores`);
  await expect(card).not.toContainText('store-chengdu');
  await expect(card).toContainText('acct-east');
  expect(await readOrder()).toBe(404);

  // Revoked after a confirm step: the app's access token and refresh token are refused at once.
  await card.getByRole('button', { name: `Revoke access of ${name}` }).click();
  const confirm = card.getByRole('region', { name: `Revoke access of ${name}?` });
  await expect(confirm.getByRole('heading')).toBeFocused();
  await expect(confirm).toContainText('refused from its next call');
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(`Access of ${name} revoked`);
  await expect(card).toHaveCount(0);
  const refused = await request.get('/v1/orders?limit=1', { headers: bearer });
  expect(refused.status()).toBe(401);
  const refresh = await tokenRequest(request, metadata, client, {
    grant_type: 'refresh_token',
    refresh_token: tokens.body.refresh_token!,
  });
  expect(refresh.status).toBe(400);
  expect(refresh.body.error).toBe('invalid_grant');

  // The revoked grant, when asked for, says so.
  await page.getByLabel('Show revoked grants too').check();
  await expect(card).toContainText('Revoked');
  await expect(card.getByRole('button', { name: `Revoke access of ${name}` })).toHaveCount(0);

  // In Chinese too.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '已授权应用', level: 1 })).toBeVisible();
  await expect(card).toContainText('已撤销');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'English' }).click();

  // Registering apps is operators' work: the admin is told so.
  await page.goto('/console/partner-apps');
  await expect(page.getByRole('heading', { name: 'Partner apps', level: 1 })).toBeVisible();
  await expect(page.getByText('Partner apps are registered by platform operators.')).toBeVisible();
});
