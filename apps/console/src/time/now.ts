/** How far the server's clock is ahead of the browser's (ms): set from GET /v1/clock. */
let serverOffsetMs = 0;

/** The browser's own reading of the wall clock, unadjusted (to time a request). */
export function browserNowMs(): number {
  // eslint-disable-next-line no-restricted-syntax -- the console's single reading of the wall clock
  return Date.now();
}

/**
 * The server's current time in epoch milliseconds, as far as the console knows it: the browser's
 * clock moved by the last measured offset. Deadlines are the server's, and in the sandbox its
 * clock may be days ahead of the wall; the backend's lint rule sends every reading of the clock
 * through one injected Clock, and in the browser this function is that one place.
 */
export function nowMs(): number {
  return browserNowMs() + serverOffsetMs;
}

export function setServerOffset(offsetMs: number): void {
  serverOffsetMs = offsetMs;
}
