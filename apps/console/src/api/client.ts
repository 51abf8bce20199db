import { refreshAccessToken, validAccessToken } from '../auth/access-token';
import { clearSession } from '../auth/session';
import { ApiError, type Problem } from './api-error';

export type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls tradehub's API as the signed-in person: bearer token (refreshed shortly before it expires,
 * and once more on a 401), JSON in and out, problem+json answers thrown as ApiError. Every
 * mutation carries an Idempotency-Key, kept across the 401 retry, so a repeated send has one effect.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const url = withQuery(path, options.query);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['idempotency-key'] = crypto.randomUUID();
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const send = (token: string | null) =>
    fetch(url, {
      method,
      body,
      signal: options.signal,
      headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers,
    });

  let response = await send(await validAccessToken());
  if (response.status === 401) {
    const token = await refreshAccessToken();
    if (token) response = await send(token);
    // Refused even with fresh tokens (the account was disabled): this session can do nothing more.
    if (response.status === 401) clearSession();
  }
  return read<T>(response);
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function read<T>(response: Response): Promise<T> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const json: unknown = text && type.includes('json') ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem: Problem =
      typeof json === 'object' && json !== null ? (json as Problem) : { detail: text || response.statusText };
    throw new ApiError(response.status, problem);
  }
  return json as T;
}
