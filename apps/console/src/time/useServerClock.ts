import { useEffect } from 'react';
import { syncServerClock } from './server-clock';

/** Drift and sandbox moves by others show within this long. */
const RESYNC_MS = 5 * 60_000;

/** Keeps the console's clock on the server's while someone is signed in. */
export function useServerClock(): void {
  useEffect(() => {
    void syncServerClock();
    const timer = setInterval(() => void syncServerClock(), RESYNC_MS);
    return () => clearInterval(timer);
  }, []);
}
