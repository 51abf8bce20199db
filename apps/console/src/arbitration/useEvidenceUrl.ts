import { useEffect, useState } from 'react';
import { fetchEvidence } from './evidence';
import type { Evidence } from './types';

export type EvidenceUrl =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  /** `url`: an object URL of the file; `image`: an image's data: URL, for an img element. */
  | { state: 'ready'; url: string; image: string | null };

/** A Blob as a data: URL (the console's CSP lets images load data: URLs, not blob: ones). */
function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(blob);
  });
}

/**
 * One evidence file behind an object URL, for the PDF frame, the new-tab link and the download
 * link (an image also as a data: URL to draw). The object URL is revoked when the file is closed,
 * another is shown or the panel closes, so no file stays held in memory.
 */
export function useEvidenceUrl(requestId: string, file: Evidence): EvidenceUrl {
  const [shown, setShown] = useState<EvidenceUrl>({ state: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    let url: string | undefined;
    setShown({ state: 'loading' });
    fetchEvidence(requestId, file, abort.signal)
      .then(async (blob) => {
        const image = file.contentType.startsWith('image/') ? await dataUrlOf(blob) : null;
        if (abort.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setShown({ state: 'ready', url, image });
      })
      .catch((error: unknown) => !abort.signal.aborted && setShown({ state: 'failed', error }));
    return () => {
      abort.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [requestId, file]);
  return shown;
}
