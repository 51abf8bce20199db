import { createHash, randomBytes } from 'node:crypto';

/**
 * A scripted browser for the OAuth 2.0 authorization-code flow: a cookie jar (path-scoped, as the
 * server sets them), redirects followed by hand, HTML forms read and posted as a browser would.
 */
export class OAuthBrowser {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  constructor(readonly baseUrl: string) {}

  async request(method: string, url: string, form?: Record<string, string | string[]>) {
    const target = new URL(url, this.baseUrl);
    const headers: Record<string, string> = {};
    const cookie = [...this.cookies.entries()]
      .filter(([, c]) => target.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(form))
        for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
      body = params.toString();
    }
    const response = await fetch(target, { method, headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.remember(line);
    return {
      status: response.status,
      location: response.headers.get('location'),
      text: await response.text(),
      headers: response.headers,
    };
  }

  /** Follows redirects from `url` until a page (2xx/4xx) or a redirect to `stopAt` (the app's redirect URI). */
  async follow(url: string, stopAt: string, method = 'GET', form?: Record<string, string | string[]>) {
    let response = await this.request(method, url, form);
    for (let hops = 0; hops < 10 && response.location && !response.location.startsWith(stopAt); hops++)
      response = await this.request('GET', response.location);
    return response;
  }

  private remember(line: string): void {
    const [pair, ...attributes] = line.split(';').map((p) => p.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
    const expired = attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=thu, 01 jan 1970/i.test(a));
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, { value, path });
  }
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The `action` of the form whose action contains `contains`. */
export function formAction(html: string, contains: string): string {
  const match = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)]
    .map((m) => m[1])
    .find((a) => a.includes(contains));
  if (!match) throw new Error(`no form with action containing ${contains} in:\n${html.slice(0, 2000)}`);
  return match.replace(/&#38;/g, '&');
}

export function basicAuth(clientId: string, secret: string): string {
  // RFC 6749 §2.3.1: both parts form-encoded before base64.
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

/** A form-encoded POST to the token, revocation or introspection endpoint. */
export async function tokenRequest(
  baseUrl: string,
  path: string,
  form: Record<string, string>,
  auth?: string,
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (auth) headers.authorization = auth;
  const response = await fetch(new URL(path, baseUrl), {
    method: 'POST',
    headers,
    body: new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: response.status, body, headers: response.headers };
}
