import { useSyncExternalStore } from 'react';
import { currentPath, subscribeToPath } from './router';

export function useLocationPath(): string {
  return useSyncExternalStore(subscribeToPath, currentPath);
}
