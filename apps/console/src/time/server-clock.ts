import { useSyncExternalStore } from 'react';
import { api } from '../api/client';
import { browserNowMs, setServerOffset } from './now';
import { refreshTick } from './ticker';

interface ServerTime {
  now: string;
  simulated: boolean;
}

/**
 * Measures the server's clock against the browser's (GET /v1/clock, the request's midpoint taken
 * as the server's reading) so countdowns count to the server's deadlines. Called on sign-in, now
 * and then, and after the sandbox clock was advanced. A failed read keeps the last offset.
 */
export async function syncServerClock(): Promise<ServerTime | undefined> {
  const sent = browserNowMs();
  try {
    const time = await api<ServerTime>('/v1/clock');
    const received = browserNowMs();
    setServerOffset(Date.parse(time.now) - Math.round((sent + received) / 2));
    refreshTick();
    if (simulated !== time.simulated) {
      simulated = time.simulated;
      listeners.forEach((listener) => listener());
    }
    return time;
  } catch {
    return undefined;
  }
}

let simulated: boolean | undefined;
const listeners = new Set<() => void>();

/** Whether the server runs the sandbox's simulated clock; undefined until measured. */
export function useSimulatedClock(): boolean | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => simulated,
  );
}
