import { useEffect, useState } from 'react';
import { apiBlob } from '../api/client';

export type ProofState =
  { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; url: string };

/**
 * The task's proof PDF behind an object URL for the frame and the download link. The URL is
 * revoked when the panel closes or shows another task, so no PDF stays held in memory.
 */
export function useProofUrl(taskId: string): ProofState {
  const [proof, setProof] = useState<ProofState>({ state: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    let url: string | undefined;
    setProof({ state: 'loading' });
    apiBlob(`/v1/review-tasks/${encodeURIComponent(taskId)}/proof`, 'application/pdf', abort.signal)
      .then((blob) => {
        if (abort.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setProof({ state: 'ready', url });
      })
      .catch((error: unknown) => !abort.signal.aborted && setProof({ state: 'failed', error }));
    return () => {
      abort.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [taskId]);
  return proof;
}
