import { ApiError, type Problem } from '../api/api-error';
import { refreshAccessToken, validAccessToken } from '../auth/access-token';
import { clearSession } from '../auth/session';

/**
 * GET /v1/review-tasks/{taskId}/proof as a PDF Blob, with the bearer token as api() sends it (the
 * JSON client cannot read a file): one retry with fresh tokens on a 401, problems as ApiError. The
 * Blob's type is set here, so the frame shows it as a PDF whatever the answer said it was.
 */
export async function fetchProof(taskId: string, signal: AbortSignal): Promise<Blob> {
  const url = `/v1/review-tasks/${encodeURIComponent(taskId)}/proof`;
  const send = (token: string | null) =>
    fetch(url, {
      signal,
      headers: {
        accept: 'application/pdf, application/problem+json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });
  let response = await send(await validAccessToken());
  if (response.status === 401) {
    const token = await refreshAccessToken();
    if (token) response = await send(token);
    if (response.status === 401) clearSession();
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return new Blob([await response.arrayBuffer()], { type: 'application/pdf' });
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null) return json as Problem;
  } catch {
    // Not JSON: the text itself is the best detail there is.
  }
  return { detail: text || response.statusText };
}
