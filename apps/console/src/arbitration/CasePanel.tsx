import { useId, useRef, useState } from 'react';
import { api } from '../api/client';
import { DetailPanel } from '../common/DetailPanel';
import { LoadProblem } from '../common/LoadProblem';
import { labelOf } from '../common/messages';
import { useLoad } from '../common/useLoad';
import { Instant } from '../orders/Instant';
import { Link } from '../routing/Link';
import { orderPath } from '../routing/paths';
import { CaseStory } from './CaseStory';
import { DecisionForm } from './DecisionForm';
import type { EvidenceOwner } from './EvidenceList';
import { EvidenceViewer } from './EvidenceViewer';
import { Fact, Facts } from './Facts';
import { caseReference } from './format';
import { useArbitrationMessages } from './messages';
import type { Evidence, RefundRequest } from './types';

interface CasePanelProps {
  /** The case as the queue listed it: its heading shows at once, its story is read afresh. */
  listed: RefundRequest;
  id: string;
  onClose: () => void;
  onDecided: (request: RefundRequest) => void;
}

/** The file in the viewer and the View button that opened it (focus goes back there on close). */
interface Viewing {
  file: Evidence;
  owner: EvidenceOwner;
  opener: HTMLButtonElement;
}

/**
 * One case to decide: GET /v1/disputes/requests/{id} read when it opens (the queue's copy may be
 * old), its whole story with both sides' evidence, a viewer for the file chosen and the decision
 * form. Its heading takes the focus when it opens; Escape inside the panel closes the file shown,
 * or else the panel.
 */
export function CasePanel({ listed, id, onClose, onDecided }: CasePanelProps) {
  const { a } = useArbitrationMessages();
  const ids = useId();
  const viewerId = `${ids}-viewer`;
  const heading = useRef<HTMLHeadingElement>(null);
  const [viewing, setViewing] = useState<Viewing>();
  const { loaded, retry } = useLoad(`case:${listed.id}`, (signal) =>
    api<RefundRequest>(`/v1/disputes/requests/${encodeURIComponent(listed.id)}`, { signal }),
  );
  const reference = caseReference(listed);

  const closeFile = () => {
    const opener = viewing?.opener;
    setViewing(undefined);
    requestAnimationFrame(() => (opener?.isConnected ? opener : heading.current)?.focus());
  };

  const ownerLabel = (owner: EvidenceOwner) =>
    owner === 'buyer' ? a.buyerEvidence : owner === 'seller' ? a.sellerEvidence : a.inspectionEvidence;

  return (
    <DetailPanel
      id={id}
      className="arbitration-panel"
      headClassName="arbitration-panel-head"
      heading={a.caseHeading(reference)}
      closeLabel={a.closeCase}
      onClose={onClose}
      // A file shown is nearer than the panel: Escape closes it first.
      onEscape={viewing ? closeFile : onClose}
      itemKey={listed.id}
      headingRef={heading}
    >
      <Facts label={a.caseFacts}>
        <Fact term={a.orderLabel}>
          <Link href={orderPath(listed.orderId)} className="order-id">
            {listed.orderId}
          </Link>
        </Fact>
        <Fact term={a.store}>{listed.storeId}</Fact>
        <Fact term={a.buyer}>{listed.buyerId}</Fact>
        {loaded.state === 'ready' && <Fact term={a.status}>{labelOf(a.statuses, loaded.data.status)}</Fact>}
      </Facts>
      {loaded.state === 'loading' && <p>{a.caseLoading}</p>}
      {loaded.state === 'failed' && (
        <LoadProblem error={loaded.error} onRetry={retry} failed={a.caseFailed} />
      )}
      {loaded.state === 'ready' && (
        <>
          <CaseStory
            request={loaded.data}
            viewing={viewing}
            viewerId={viewerId}
            onView={(file, owner, opener) => setViewing({ file, owner, opener })}
          />
          {viewing && (
            <EvidenceViewer
              id={viewerId}
              requestId={loaded.data.id}
              file={viewing.file}
              ownerLabel={ownerLabel(viewing.owner)}
              onClose={closeFile}
            />
          )}
          {loaded.data.status === 'ESCALATED' ? (
            <DecisionForm key={loaded.data.id} request={loaded.data} onDecided={onDecided} />
          ) : (
            <p role="status">
              {a.notInArbitration(labelOf(a.statuses, loaded.data.status))}
              {loaded.data.arbitration && (
                <>
                  {' '}
                  {a.decidedAt} <Instant iso={loaded.data.arbitration.decidedAt} />
                </>
              )}
            </p>
          )}
        </>
      )}
    </DetailPanel>
  );
}
