import { ApiError } from '../api/api-error';
import { useCommonMessages } from './messages';

/**
 * Why an action failed: the server's problem detail, or the common sentence for a failure it
 * did not explain (a network error). Nothing when there is no error.
 */
export function ProblemAlert({ error, id }: { error: unknown; id?: string }) {
  const c = useCommonMessages();
  if (error === undefined || error === null) return null;
  return (
    <p id={id} role="alert" className="error">
      {error instanceof ApiError ? error.detail : c.unexpectedError}
    </p>
  );
}
