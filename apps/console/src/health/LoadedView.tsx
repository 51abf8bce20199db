import type { ReactNode } from 'react';
import { ApiError } from '../api/api-error';
import type { Loaded } from '../order/useLoad';
import { useHealthMessages } from './messages';

interface LoadedViewProps<T> {
  loaded: Loaded<T>;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}

/** A part of the page once read; while it loads, a line saying so; when it failed, why (with Retry). */
export function LoadedView<T>({ loaded, onRetry, children }: LoadedViewProps<T>) {
  const { h } = useHealthMessages();
  if (loaded.state === 'loading') return <p className="health-muted">{h.loading}</p>;
  if (loaded.state === 'ready') return <>{children(loaded.data)}</>;
  const { error } = loaded;
  if (error instanceof ApiError && error.status === 403) return <p>{h.forbidden}</p>;
  return (
    <p role="alert" className="error">
      {h.loadFailed}
      {error instanceof ApiError ? `: ${error.detail}` : ''}{' '}
      <button type="button" className="button-small" onClick={onRetry}>
        {h.retry}
      </button>
    </p>
  );
}
