import type { ReactNode } from 'react';
import { LoadProblem } from '../common/LoadProblem';
import { useCommonMessages } from '../common/messages';
import type { Loaded } from '../common/useLoad';

interface LoadedViewProps<T> {
  loaded: Loaded<T>;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}

/** A part of the page once read; while it loads, a line saying so; when it failed, why (with Retry). */
export function LoadedView<T>({ loaded, onRetry, children }: LoadedViewProps<T>) {
  const c = useCommonMessages();
  if (loaded.state === 'loading') return <p className="health-muted">{c.loading}</p>;
  if (loaded.state === 'ready') return <>{children(loaded.data)}</>;
  return <LoadProblem error={loaded.error} onRetry={onRetry} />;
}
