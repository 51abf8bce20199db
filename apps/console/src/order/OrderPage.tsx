import { useEffect, useRef, type ReactNode } from 'react';
import { ApiError } from '../api/api-error';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { PATHS } from '../routing/paths';
import { Link } from '../routing/Link';
import { LoadProblem } from '../common/LoadProblem';
import { loadOrder } from './loaders';
import { useOrderMessages } from './messages';
import { OrderView } from './OrderView';
import { useLoad } from '../common/useLoad';
import './order.css';

/** One order's page: the order first, then every part of it read on its own. */
export function OrderPage({ orderId }: { orderId: string }) {
  const m = useOrderMessages();
  const { loaded, retry } = useLoad(orderId, (signal) => loadOrder(orderId, signal));
  // 404 for an order outside the caller's stores too; 400 for an id that is not a UUID.
  const missing =
    loaded.state === 'failed' &&
    loaded.error instanceof ApiError &&
    (loaded.error.status === 404 || loaded.error.status === 400);
  useDocumentTitle(
    loaded.state === 'ready'
      ? m.orderTitle(loaded.data.marketplaceOrderId)
      : missing
        ? m.orderNotFound
        : undefined,
  );

  return (
    <div className="order-page">
      <p className="order-back">
        <Link href={PATHS.orders}>{m.backToOrders}</Link>
      </p>
      {loaded.state === 'loading' && <p role="status">{m.loadingOrder}</p>}
      {missing && (
        <FocusedHeading text={m.orderNotFound}>
          <p>{m.orderNotFoundText}</p>
        </FocusedHeading>
      )}
      {loaded.state === 'failed' && !missing && (
        <FocusedHeading text={m.orderTitle(orderId)}>
          <LoadProblem error={loaded.error} notFound={m.orderNotFoundText} onRetry={retry} />
        </FocusedHeading>
      )}
      {loaded.state === 'ready' && (
        <FocusedHeading text={m.orderTitle(loaded.data.marketplaceOrderId)}>
          <OrderView order={loaded.data} />
        </FocusedHeading>
      )}
    </div>
  );
}

/**
 * The page's h1, focused when it appears: a page changed in place says where one now is, as a
 * new page load would, and the next Tab starts from it.
 */
function FocusedHeading({ text, children }: { text: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1} className="order-title">
        {text}
      </h1>
      {children}
    </>
  );
}
