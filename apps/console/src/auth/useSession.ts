import { useSyncExternalStore } from 'react';
import { currentSession, subscribeToSession, type Session } from './session';

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeToSession, currentSession);
}
