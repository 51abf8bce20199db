/** An OAuth error answer (RFC 6749 §5.2), e.g. `invalid_grant` for a spent refresh token. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string | undefined,
    readonly status: number,
  ) {
    super(description ? `${error}: ${description}` : error);
  }
}

/** POSTs a form to one of the server's endpoints and returns its JSON answer (or nothing). */
export async function postForm<T>(url: string, fields: Record<string, string>): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(fields),
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    throw new OAuthError(
      String(body.error ?? `http_${response.status}`),
      typeof body.error_description === 'string' ? body.error_description : undefined,
      response.status,
    );
  }
  return body as T;
}
