import { useSyncExternalStore } from 'react';
import { currentTick, subscribeToTicks } from './ticker';

/** The current time, refreshed every second (epoch milliseconds, whole seconds). */
export function useNow(): number {
  return useSyncExternalStore(subscribeToTicks, currentTick);
}
