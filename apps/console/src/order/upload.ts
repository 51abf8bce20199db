import { ApiError, type Problem } from '../api/api-error';
import { refreshAccessToken, validAccessToken } from '../auth/access-token';
import { clearSession } from '../auth/session';

/**
 * Sends one file as multipart/form-data (field `file`), as the proof and evidence endpoints take
 * it: the JSON client cannot. Same manners as `api`: bearer token refreshed once on a 401, one
 * Idempotency-Key across that retry, problem+json answers thrown as ApiError.
 */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const idempotencyKey = crypto.randomUUID();
  const send = (token: string | null) => {
    // A fresh body per attempt: the browser sets the multipart boundary itself.
    const body = new FormData();
    body.append('file', file, file.name);
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      'idempotency-key': idempotencyKey,
    };
    if (token) headers.authorization = `Bearer ${token}`;
    return fetch(path, { method: 'POST', body, headers });
  };

  let response = await send(await validAccessToken());
  if (response.status === 401) {
    const token = await refreshAccessToken();
    if (token) response = await send(token);
    if (response.status === 401) clearSession();
  }
  const text = await response.text();
  const json: unknown =
    text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem: Problem =
      typeof json === 'object' && json !== null ? (json as Problem) : { detail: text || response.statusText };
    throw new ApiError(response.status, problem);
  }
  return json as T;
}
