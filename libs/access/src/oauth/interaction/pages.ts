import { SCOPES, type Scope } from '@tradehub/platform';

/** The sign-in and consent pages: plain, accessible HTML with no script, served by tradehub itself. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · tradehub</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
label{display:block;margin:.5rem 0}input[type=text],input[type=password]{width:100%;padding:.4rem}
button{padding:.5rem 1.2rem;margin-right:.5rem}.error{color:#a40000;font-weight:600}fieldset{margin:1rem 0}</style>
</head><body><main>${body}</main></body></html>`;
}

export interface LoginPage {
  uid: string;
  appName: string;
  /** Partner apps are for seller staff only; tradehub's own UIs also sign in platform operators. */
  realms: ('seller' | 'platform')[];
  error?: string;
  username?: string;
}

export function loginPage(p: LoginPage): string {
  const realm =
    p.realms.length > 1
      ? `<fieldset><legend>I am</legend>
${p.realms
  .map(
    (r, i) =>
      `<label><input type="radio" name="realm" value="${r}"${i === 0 ? ' checked' : ''}> ${r === 'seller' ? 'seller staff' : 'a platform operator'}</label>`,
  )
  .join('\n')}</fieldset>`
      : `<input type="hidden" name="realm" value="${p.realms[0]}">`;
  return page(
    'Sign in',
    `<h1>Sign in to tradehub</h1>
<p>${escapeHtml(p.appName)} asks you to sign in.</p>
${p.error ? `<p class="error" role="alert">${escapeHtml(p.error)}</p>` : ''}
<form method="post" action="/interaction/${encodeURIComponent(p.uid)}/login">
${realm}
<label>Username <input type="text" name="username" autocomplete="username" required value="${escapeHtml(p.username ?? '')}"></label>
<label>Password <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>
<form method="post" action="/interaction/${encodeURIComponent(p.uid)}/abort"><button type="submit">Cancel</button></form>`,
  );
}

export interface ConsentPage {
  uid: string;
  appName: string;
  clientId: string;
  scopes: Scope[];
  organisation: {
    name: string;
    mainAccounts: { id: string; name: string; stores: { id: string; name: string }[] }[];
  };
  error?: string;
}

export function consentPage(p: ConsentPage): string {
  const accounts = p.organisation.mainAccounts
    .map(
      (
        m,
      ) => `<fieldset><legend><label><input type="checkbox" name="mainAccounts" value="${escapeHtml(m.id)}"> All stores of main account ${escapeHtml(m.name)} (${escapeHtml(m.id)}), also those that join it later</label></legend>
${m.stores.map((s) => `<label><input type="checkbox" name="stores" value="${escapeHtml(s.id)}"> ${escapeHtml(s.name)} (${escapeHtml(s.id)})</label>`).join('\n')}
</fieldset>`,
    )
    .join('\n');
  return page(
    'Grant access',
    `<h1>Grant ${escapeHtml(p.appName)} access</h1>
<p>The app <strong>${escapeHtml(p.appName)}</strong> (<code>${escapeHtml(p.clientId)}</code>) asks to act for ${escapeHtml(p.organisation.name)} with these permissions:</p>
<ul>${p.scopes.map((s) => `<li><code>${s}</code>: ${escapeHtml(SCOPES[s])}</li>`).join('')}</ul>
${p.error ? `<p class="error" role="alert">${escapeHtml(p.error)}</p>` : ''}
<form method="post" action="/interaction/${encodeURIComponent(p.uid)}/confirm">
<p>Choose the stores or whole main accounts it may use:</p>
${accounts}
<button type="submit">Allow</button>
</form>
<form method="post" action="/interaction/${encodeURIComponent(p.uid)}/abort"><button type="submit">Deny</button></form>`,
  );
}

export function messagePage(title: string, message: string, uid?: string): string {
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1><p class="error" role="alert">${escapeHtml(message)}</p>
${uid ? `<form method="post" action="/interaction/${encodeURIComponent(uid)}/abort"><button type="submit">Back to the app</button></form>` : ''}`,
  );
}

/** Sign-out confirmation; `form` is oidc-provider's hidden form (id `op.logoutForm`) with its xsrf token. */
export function logoutPage(form: string): string {
  return page(
    'Sign out',
    `<h1>Sign out of tradehub?</h1>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<button type="submit" form="op.logoutForm">Stay signed in</button>
<p>Apps you granted access keep it; an admin revokes them under the organisation's grants.</p>`,
  );
}

export function signedOutPage(): string {
  return page('Signed out', '<h1>Signed out</h1><p>You have signed out of tradehub.</p>');
}
