import { useId } from 'react';
import { useCarriers } from '../orders/useCarriers';
import { Instant } from '../orders/Instant';
import { Fact, Facts } from './Facts';
import { LoadProblem } from '../common/LoadProblem';
import { labelOf } from '../common/messages';
import { ProofUpload } from './ProofUpload';
import { useOrderMessages } from './messages';
import { Section } from '../common/Section';
import { TrackingTimeline } from './TrackingTimeline';
import type { OrderDetail, PackageDetail } from './types';
import type { Loaded } from '../common/useLoad';

interface PackagesSectionProps {
  order: OrderDetail;
  packages: Loaded<PackageDetail[]>;
  onRetry: () => void;
}

/** FUL-1..5: each shipped package, its logistics status and tracking timeline. */
export function PackagesSection({ order, packages, onRetry }: PackagesSectionProps) {
  const m = useOrderMessages();
  return (
    <Section title={m.sections.packages} className="order-section">
      {packages.state === 'loading' && <p>{m.loading}</p>}
      {packages.state === 'failed' && (
        <LoadProblem error={packages.error} notFound={m.noPackages} onRetry={onRetry} />
      )}
      {packages.state === 'ready' &&
        (packages.data.length === 0 ? (
          <p>{m.noPackages}</p>
        ) : (
          packages.data.map((pkg) => <PackageCard key={pkg.id} pkg={pkg} order={order} />)
        ))}
    </Section>
  );
}

function PackageCard({ pkg, order }: { pkg: PackageDetail; order: OrderDetail }) {
  const m = useOrderMessages();
  const headingId = useId();
  const { carriers } = useCarriers();
  const carrier = carriers?.find((c) => c.code === pkg.carrierCode);
  const titleOf = (lineId: string) => order.lines.find((line) => line.lineId === lineId)?.title ?? lineId;
  const flags = [
    pkg.noFirstScan && <li key="noFirstScan">{m.noFirstScan}</li>,
    pkg.stalledSince && (
      <li key="stalled">
        {m.stalledSince} <Instant iso={pkg.stalledSince} />
      </li>
    ),
    pkg.trackCorrectedAt && (
      <li key="corrected">
        {m.trackCorrectedAt} <Instant iso={pkg.trackCorrectedAt} />
      </li>
    ),
  ].filter(Boolean);

  return (
    <article aria-labelledby={headingId} className="order-package">
      <h3 id={headingId}>{m.packageTitle(pkg.trackingNumber)}</h3>
      <Facts>
        <Fact term={m.carrier}>{carrier ? `${carrier.name} (${pkg.carrierCode})` : pkg.carrierCode}</Fact>
        <Fact term={m.trackingNumber}>
          <span className="order-code">{pkg.trackingNumber}</span>
        </Fact>
        <Fact term={m.status}>
          <span title={pkg.status}>{labelOf(m.logisticsStatuses, pkg.status)}</span>
        </Fact>
        <Fact term={m.shippedAt}>
          <Instant iso={pkg.shippedAt} />
        </Fact>
        <Fact term={m.pickedUpAt}>{pkg.pickedUpAt ? <Instant iso={pkg.pickedUpAt} /> : m.notYet}</Fact>
        <Fact term={m.lastScanAt}>{pkg.lastScanAt ? <Instant iso={pkg.lastScanAt} /> : m.notYet}</Fact>
        <Fact term={m.delivered}>{pkg.deliveredAt ? <Instant iso={pkg.deliveredAt} /> : m.notYet}</Fact>
        <Fact term={m.packageLines}>
          <ul className="order-plain-list">
            {pkg.lines.map((line) => (
              <li key={line.lineId}>{m.lineQuantity(line.quantity, titleOf(line.lineId))}</li>
            ))}
          </ul>
        </Fact>
        {flags.length > 0 && (
          <Fact term={m.packageFlags}>
            <ul className="order-plain-list">{flags}</ul>
          </Fact>
        )}
      </Facts>
      <h4>{m.timeline}</h4>
      <TrackingTimeline trackingNumber={pkg.trackingNumber} events={pkg.trackingEvents ?? []} />
      {!pkg.deliveredAt && <ProofUpload packageId={pkg.id} />}
    </article>
  );
}
