import { api } from '../api/client';
import { isForbidden } from '../common/LoadProblem';
import { useCommonMessages } from '../common/messages';
import { useLoad } from '../common/useLoad';
import { useFakeShipmentMessages } from './messages';
import type { PackageReference } from './types';

/**
 * The case's package as the carrier knows it: carrier and tracking number, read from Fulfillment
 * (GET /v1/packages/{packageId}) since the case names the package only.
 */
export function TrackingReference({ packageId }: { packageId: string }) {
  const { f } = useFakeShipmentMessages();
  const c = useCommonMessages();
  const { loaded, retry } = useLoad(packageId, (signal) =>
    api<PackageReference>(`/v1/packages/${encodeURIComponent(packageId)}`, { signal }),
  );
  if (loaded.state === 'loading') return <span className="secondary">{c.loading}</span>;
  if (loaded.state === 'failed')
    return isForbidden(loaded.error) ? (
      <span>{c.none}</span>
    ) : (
      <span className="error">
        {f.trackingFailed}{' '}
        <button type="button" className="button-small" onClick={retry}>
          {c.retry}
        </button>
      </span>
    );
  return (
    <>
      <span className="order-id">{loaded.data.trackingNumber}</span>{' '}
      <span className="secondary">{loaded.data.carrierCode}</span>
    </>
  );
}
