import { useId } from 'react';
import { useCodeLabels } from '../common/code-labels';
import { labelOf } from '../common/messages';
import { formatMoney } from '../format/money';
import { Instant } from '../orders/Instant';
import { EvidenceList, type EvidenceOwner } from './EvidenceList';
import { Fact, Facts } from './Facts';
import { useArbitrationMessages } from './messages';
import type { Evidence, RefundRequest } from './types';
import { Waiting } from './Waiting';

interface CaseStoryProps {
  request: RefundRequest;
  viewing: { file: Evidence; owner: EvidenceOwner } | undefined;
  viewerId: string;
  onView: (file: Evidence, owner: EvidenceOwner, button: HTMLButtonElement) => void;
}

/**
 * The request's whole story as both sides told it: why and by whom it was escalated, the buyer's
 * claim and evidence, the seller's answer (refusal reason or partial offer) and evidence, and the
 * return parcel and the seller's inspection when there was a return.
 */
export function CaseStory({ request, viewing, viewerId, onView }: CaseStoryProps) {
  const { a, locale } = useArbitrationMessages();
  const labels = useCodeLabels();
  const ids = useId();
  const money = (minor: string | null) =>
    minor === null ? null : formatMoney({ minor, currency: request.requested.currency }, locale);
  const list = (owner: EvidenceOwner, title: string, files: Evidence[]) => (
    <EvidenceList
      requestId={request.id}
      owner={owner}
      title={title}
      files={files}
      viewing={viewing?.owner === owner ? viewing.file : undefined}
      viewerId={viewerId}
      onView={onView}
    />
  );
  const { answer, escalation, returnParcel, inspection } = request;

  return (
    <>
      {escalation && (
        <section className="arbitration-part" aria-labelledby={`${ids}-escalation`}>
          <h3 id={`${ids}-escalation`}>{a.escalationHeading}</h3>
          <Facts>
            <Fact term={a.colBy}>{labelOf(a.escalatedBy, escalation.by)}</Fact>
            <Fact term={a.escalatedAt}>
              <span className="arbitration-when">
                <Instant iso={escalation.at} />
                <Waiting since={escalation.at} />
              </span>
            </Fact>
            <Fact term={a.escalationReason}>{escalation.reason}</Fact>
          </Facts>
        </section>
      )}
      <div className="arbitration-sides">
        <section className="arbitration-part" aria-labelledby={`${ids}-buyer`}>
          <h3 id={`${ids}-buyer`}>{a.buyerHeading}</h3>
          <Facts>
            <Fact term={a.kind}>{labelOf(labels.refundKinds, request.kind)}</Fact>
            <Fact term={a.requested}>
              <span className="arbitration-money">{formatMoney(request.requested, locale)}</span>
            </Fact>
            <Fact term={a.claim}>{request.reason}</Fact>
            <Fact term={a.requestedAt}>
              <Instant iso={request.requestedAt} />
            </Fact>
          </Facts>
          {list('buyer', a.buyerEvidence, request.buyerEvidence)}
        </section>
        <section className="arbitration-part" aria-labelledby={`${ids}-seller`}>
          <h3 id={`${ids}-seller`}>{a.sellerHeading}</h3>
          {!answer ? (
            <p>{a.noAnswer}</p>
          ) : (
            <>
              <Facts>
                <Fact term={a.answer}>
                  {labelOf(a.answers, answer.answer)}
                  {answer.automatic && <span className="secondary arbitration-block">{a.automatic}</span>}
                </Fact>
                {answer.answer === 'REFUSE' && answer.reason && (
                  <Fact term={a.refusalReason}>
                    <span title={answer.reason}>{labelOf(labels.refusalReasons, answer.reason)}</span>
                  </Fact>
                )}
                {answer.answer === 'PARTIAL' && (
                  <Fact term={a.offered}>
                    <span className="arbitration-money">{money(answer.amountMinor)}</span>
                  </Fact>
                )}
                {answer.answer !== 'REFUSE' && answer.reason && !answer.automatic && (
                  <Fact term={a.sellerReason}>{answer.reason}</Fact>
                )}
                <Fact term={a.answeredAt}>
                  <Instant iso={answer.answeredAt} />
                </Fact>
              </Facts>
              {list('seller', a.sellerEvidence, answer.evidence)}
            </>
          )}
        </section>
      </div>
      {(returnParcel || inspection) && (
        <section className="arbitration-part" aria-labelledby={`${ids}-return`}>
          <h3 id={`${ids}-return`}>{a.returnHeading}</h3>
          <Facts>
            {returnParcel && (
              <>
                <Fact term={a.carrier}>{returnParcel.carrierCode}</Fact>
                <Fact term={a.trackingNumber}>
                  <span className="order-id">{returnParcel.trackingNumber}</span>
                </Fact>
                <Fact term={a.returnShippedAt}>
                  <Instant iso={returnParcel.shippedAt} />
                </Fact>
                <Fact term={a.returnDeliveredAt}>
                  {returnParcel.deliveredAt ? <Instant iso={returnParcel.deliveredAt} /> : a.notDelivered}
                </Fact>
              </>
            )}
            <Fact term={a.inspection}>
              {inspection ? labelOf(a.inspections, inspection.decision) : a.noInspection}
            </Fact>
            {inspection && (
              <>
                {inspection.decision === 'PARTIAL' && (
                  <Fact term={a.inspectionAmount}>
                    <span className="arbitration-money">{money(inspection.amountMinor)}</span>
                  </Fact>
                )}
                {inspection.reason && <Fact term={a.inspectionReason}>{inspection.reason}</Fact>}
                <Fact term={a.inspectedAt}>
                  <Instant iso={inspection.at} />
                </Fact>
              </>
            )}
          </Facts>
          {inspection && list('inspection', a.inspectionEvidence, inspection.evidence)}
        </section>
      )}
    </>
  );
}
