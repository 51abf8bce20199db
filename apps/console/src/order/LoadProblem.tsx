import { ApiError } from '../api/api-error';
import { useOrderMessages } from './messages';

interface LoadProblemProps {
  error: unknown;
  /** What a 404 means for this part (nothing of it exists yet, say). */
  notFound: string;
  onRetry: () => void;
}

/** Why a part of the page is missing, as a sentence: refused, absent, or failed (with Retry). */
export function LoadProblem({ error, notFound, onRetry }: LoadProblemProps) {
  const m = useOrderMessages();
  if (error instanceof ApiError && error.status === 404) return <p>{notFound}</p>;
  if (error instanceof ApiError && error.status === 403) return <p>{m.forbidden}</p>;
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

/** The API refused the caller this part (403): a part shown only to those who may read it. */
export const isForbidden = (error: unknown): boolean => error instanceof ApiError && error.status === 403;
