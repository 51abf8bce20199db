/**
 * The browser's current time in epoch milliseconds. The backend's lint rule sends every reading
 * of the clock through one injected Clock; in the browser this function is that one place.
 */
export function nowMs(): number {
  // eslint-disable-next-line no-restricted-syntax -- the console's single reading of the wall clock
  return Date.now();
}
