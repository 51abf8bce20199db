import { apiBlob } from '../api/client';
import type { Evidence } from './types';

/** GET /v1/disputes/requests/{requestId}/evidence/{sha256}: one file the request names, as a Blob of its type. */
export function fetchEvidence(requestId: string, file: Evidence, signal?: AbortSignal): Promise<Blob> {
  return apiBlob(
    `/v1/disputes/requests/${encodeURIComponent(requestId)}/evidence/${encodeURIComponent(file.sha256)}`,
    file.contentType,
    signal,
  );
}
