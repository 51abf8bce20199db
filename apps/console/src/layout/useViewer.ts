import { useWhoami } from '../api/useWhoami';
import { useSimulatedClock } from '../time/server-clock';
import type { Viewer } from './navigation';

/** Who is signed in, as the navigation needs it; undefined until known. */
export function useViewer(): Viewer | undefined {
  const whoami = useWhoami();
  const sandbox = useSimulatedClock() ?? false;
  if (whoami === undefined) return undefined;
  if (whoami.kind === 'operator') return { operator: true, admin: false, sandbox };
  return { operator: false, admin: whoami.me.roles.includes('admin'), sandbox };
}
