/** Waits for the attempt's backoff (250 ms doubling, at most 10 s), or less when `stop` fires. */
export function backoff(attempt: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (stop.aborted) return resolve();
    const timer = setTimeout(done, Math.min(10_000, 250 * 2 ** Math.min(attempt, 6)));
    stop.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      resolve();
    }
  });
}
