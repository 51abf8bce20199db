import { AuditSection } from './AuditSection';
import { orderDeadlines } from './deadlines';
import { DeadlinesSection } from './DeadlinesSection';
import { loadAuditTrail, loadPackages, loadRefundRequests, loadSettlement } from './loaders';
import { useOrderMessages } from './messages';
import { PackagesSection } from './PackagesSection';
import { RefundsSection } from './RefundsSection';
import { SettlementSection } from './SettlementSection';
import { StatusesSection } from './StatusesSection';
import { SummarySection } from './SummarySection';
import type { OrderDetail } from './types';
import { useLoad } from '../common/useLoad';

/**
 * The order and its parts, each read from its own context's API: a part that fails or is refused
 * says so in its section and leaves the others be.
 */
export function OrderView({ order }: { order: OrderDetail }) {
  const m = useOrderMessages();
  const orderId = order.id;
  const packages = useLoad(orderId, (signal) => loadPackages(orderId, signal));
  const requests = useLoad(orderId, (signal) => loadRefundRequests(orderId, signal));
  const settlement = useLoad(orderId, (signal) => loadSettlement(orderId, signal));
  // The packages' own records belong to the trail too: read it once their ids are known.
  const subjectIds =
    packages.loaded.state === 'loading'
      ? null
      : [orderId, ...(packages.loaded.state === 'ready' ? packages.loaded.data.map((p) => p.id) : [])];
  const subjectKey = subjectIds ? subjectIds.join(',') : null;
  const audit = useLoad(subjectKey, (signal) => loadAuditTrail(subjectIds ?? [], signal));

  const deadlines = orderDeadlines(
    order,
    settlement.loaded.state === 'ready' ? settlement.loaded.data : undefined,
    requests.loaded.state === 'ready' ? requests.loaded.data : undefined,
    m,
  );

  return (
    <>
      <p className="order-ids">
        {m.tradehubId} <span className="order-code">{order.id}</span>
      </p>
      <SummarySection order={order} />
      <StatusesSection order={order} />
      <DeadlinesSection deadlines={deadlines} />
      <PackagesSection order={order} packages={packages.loaded} onRetry={packages.retry} />
      <RefundsSection requests={requests.loaded} onRetry={requests.retry} />
      <SettlementSection settlement={settlement.loaded} onRetry={settlement.retry} />
      <AuditSection trail={audit.loaded} onRetry={audit.retry} />
    </>
  );
}
