import { ApiError } from '../api/api-error';
import { useCommonMessages } from './messages';

interface LoadProblemProps {
  error: unknown;
  onRetry: () => void;
  /** What a 404 means for this part (nothing of it exists yet, say); without it a 404 is a failure. */
  notFound?: string;
  /** The failure's sentence, when the page's own says more than the common one. */
  failed?: string;
}

/** Why a part of the page is missing, as a sentence: refused, absent, or failed (with Retry). */
export function LoadProblem({ error, onRetry, notFound, failed }: LoadProblemProps) {
  const c = useCommonMessages();
  if (notFound !== undefined && error instanceof ApiError && error.status === 404) return <p>{notFound}</p>;
  if (isForbidden(error)) return <p>{c.forbidden}</p>;
  return (
    <p role="alert" className="error">
      {failed ?? c.loadFailed}
      {error instanceof ApiError ? `: ${error.detail}` : ''}{' '}
      <button type="button" className="button-small" onClick={onRetry}>
        {c.retry}
      </button>
    </p>
  );
}

/** The API refused the caller this part (403): a part shown only to those who may read it. */
export const isForbidden = (error: unknown): boolean => error instanceof ApiError && error.status === 403;
