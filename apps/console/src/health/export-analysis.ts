import { ApiError, type Problem } from '../api/api-error';
import { refreshAccessToken, validAccessToken } from '../auth/access-token';
import { clearSession } from '../auth/session';
import { downloadBlob } from '../common/download';

export type SeriesFormat = 'xlsx' | 'csv';

const TYPES: Record<SeriesFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};

/**
 * ANA-1's daily series as the server writes it (GET /v1/compliance/trade-analysis/export), fetched
 * with the bearer token as api() sends it (one retry with fresh tokens on a 401) and saved as a
 * download. Answers the file's name.
 */
export async function exportSeries(format: SeriesFormat, storeId: string, to: string): Promise<string> {
  const params = new URLSearchParams({ format });
  if (storeId) params.set('storeId', storeId);
  const send = (token: string | null) =>
    fetch(`/v1/compliance/trade-analysis/export?${params}`, {
      headers: {
        accept: `${TYPES[format]}, application/problem+json`,
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
  const fileName = `trade-analysis-${storeId || 'all-stores'}-${to}.${format}`;
  downloadBlob(new Blob([await response.arrayBuffer()], { type: TYPES[format] }), fileName);
  return fileName;
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
