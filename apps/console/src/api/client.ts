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
 * Calls tradehub's API as the signed-in person: JSON in and out, problem+json answers thrown as
 * ApiError. Every mutation carries an Idempotency-Key, kept across the 401 retry, so a repeated
 * send has one effect.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['idempotency-key'] = crypto.randomUUID();
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const response = await authorized(withQuery(path, options.query), () => ({
    method,
    body,
    signal: options.signal,
    headers,
  }));
  return readJson<T>(response);
}

/** Sends one file as multipart/form-data (field `file`), as the proof and evidence endpoints take it. */
export async function apiUpload<T>(path: string, file: File): Promise<T> {
  const idempotencyKey = crypto.randomUUID();
  const response = await authorized(path, () => {
    // A fresh body per attempt: the browser sets the multipart boundary itself.
    const body = new FormData();
    body.append('file', file, file.name);
    return {
      method: 'POST',
      body,
      headers: { accept: 'application/json, application/problem+json', 'idempotency-key': idempotencyKey },
    };
  });
  return readJson<T>(response);
}

/** GETs a file (a proof's PDF, say) as a Blob of the given type, whatever type the answer named. */
export async function apiBlob(path: string, type: string, signal?: AbortSignal): Promise<Blob> {
  const response = await authorized(path, () => ({
    signal,
    headers: { accept: `${type}, application/problem+json` },
  }));
  if (!response.ok) await readJson(response);
  return new Blob([await response.arrayBuffer()], { type });
}

/**
 * Sends with the bearer token (refreshed shortly before it expires, and once more on a 401).
 * `init` builds each attempt afresh, so a body that can be read only once is new for the retry.
 */
async function authorized(url: string, init: () => RequestInit & { headers: Record<string, string> }) {
  const send = (token: string | null) => {
    const request = init();
    return fetch(url, {
      ...request,
      headers: token ? { ...request.headers, authorization: `Bearer ${token}` } : request.headers,
    });
  };
  let response = await send(await validAccessToken());
  if (response.status === 401) {
    const token = await refreshAccessToken();
    if (token) response = await send(token);
    // Refused even with fresh tokens (the account was disabled): this session can do nothing more.
    if (response.status === 401) clearSession();
  }
  return response;
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

/** The answer's JSON, or its problem thrown as ApiError (a text answer becomes the detail). */
async function readJson<T>(response: Response): Promise<T> {
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  if (response.ok) return (text && isJson ? JSON.parse(text) : undefined) as T;
  throw new ApiError(response.status, problemOf(text, isJson, response.statusText));
}

function problemOf(text: string, isJson: boolean, statusText: string): Problem {
  try {
    const json: unknown = isJson ? JSON.parse(text) : undefined;
    if (typeof json === 'object' && json !== null) return json as Problem;
  } catch {
    // A proxy's broken JSON: the text itself is the best detail there is.
  }
  return { detail: text || statusText };
}
