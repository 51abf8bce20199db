import { useWhoami } from '../api/useWhoami';

/**
 * Whether a platform operator is signed in (GET /v1/access/me refuses them: they have no staff
 * account); undefined until known, so nothing meant for operators shows before then.
 */
export function useIsPlatformOperator(): boolean | undefined {
  const whoami = useWhoami();
  return whoami === undefined ? undefined : whoami.kind === 'operator';
}
