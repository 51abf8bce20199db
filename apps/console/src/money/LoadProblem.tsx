import { ApiError } from '../api/api-error';
import { useMoneyMessages } from './messages';

/** Why a part of the page is missing, with Retry. */
export function LoadProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { m } = useMoneyMessages();
  return (
    <p role="alert" className="error">
      {m.loadFailed}
      {error instanceof ApiError ? `: ${error.detail}` : ''}{' '}
      <button type="button" className="button-small" onClick={onRetry}>
        {m.retry}
      </button>
    </p>
  );
}
