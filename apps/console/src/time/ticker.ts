import { nowMs } from './now';

/**
 * One shared one-second tick for every countdown on the page, whole seconds only, so a
 * subscriber re-renders once a second and only while something listens.
 */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let current = wholeSecond();

function wholeSecond(): number {
  return Math.floor(nowMs() / 1000) * 1000;
}

function tick(): void {
  current = wholeSecond();
  listeners.forEach((listener) => listener());
}

export function subscribeToTicks(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    current = wholeSecond();
    timer = setInterval(tick, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Shows a new reading at once (the server's clock was measured again) instead of at the next tick. */
export function refreshTick(): void {
  tick();
}

export function currentTick(): number {
  return current;
}
