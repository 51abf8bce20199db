import { useCallback, useEffect, useRef, useState } from 'react';

export type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: unknown };

/**
 * Reads one part of the page: again whenever `key` changes or `retry` is called, the previous
 * read aborted. A null key reads nothing (the part waits for something else).
 */
export function useLoad<T>(
  key: string | null,
  read: (signal: AbortSignal) => Promise<T>,
): { loaded: Loaded<T>; retry: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The latest reader, so a caller's inline function does not restart the read on every render.
  const reader = useRef(read);
  useEffect(() => {
    reader.current = read;
  });

  useEffect(() => {
    if (key === null) return;
    const abort = new AbortController();
    setLoaded({ state: 'loading' });
    reader.current(abort.signal).then(
      (data) => !abort.signal.aborted && setLoaded({ state: 'ready', data }),
      (error: unknown) => !abort.signal.aborted && setLoaded({ state: 'failed', error }),
    );
    return () => abort.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { loaded, retry };
}
