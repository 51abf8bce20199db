import { LoadProblem } from './LoadProblem';
import { useCommonMessages } from './messages';
import type { Pages } from './useCursorPages';

/** What the footer reads of a list loaded a page at a time (useCursorPages). */
type PagedList = Pick<
  Pages<unknown>,
  'items' | 'started' | 'hasMore' | 'loading' | 'error' | 'loadMore' | 'retry'
>;

interface ListFooterProps {
  list: PagedList;
  /** The page's class for these lines (its spacing). */
  className: string;
  /** What the list says when it has nothing. */
  empty: string;
  /** The page's sentence for a failed page, before the server's detail and Retry. */
  failed: string;
}

/** Under a paged list: that it is empty, that a page is loading, why one failed (with Retry), or Load more. */
export function ListFooter({ list, className, empty, failed }: ListFooterProps) {
  const c = useCommonMessages();
  const { items, started, hasMore, loading, error } = list;
  return (
    <>
      {started && items.length === 0 && !loading && error === undefined && (
        <p className={className}>{empty}</p>
      )}
      {loading && <p className={className}>{c.loading}</p>}
      {error !== undefined && (
        <div className={className}>
          <LoadProblem error={error} onRetry={list.retry} failed={failed} />
        </div>
      )}
      {hasMore && !loading && error === undefined && (
        <p className={className}>
          <button type="button" onClick={list.loadMore}>
            {c.loadMore}
          </button>
        </p>
      )}
    </>
  );
}
