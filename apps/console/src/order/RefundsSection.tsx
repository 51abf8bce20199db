import { useId, useState } from 'react';
import { formatMoney } from '../format/money';
import { useI18n } from '../i18n/useI18n';
import { Instant } from '../orders/Instant';
import { AnswerForm } from './AnswerForm';
import { Fact, Facts } from './Facts';
import { LoadProblem } from '../common/LoadProblem';
import { useCodeLabels } from '../common/code-labels';
import { labelOf } from '../common/messages';
import { useOrderMessages } from './messages';
import { Section } from '../common/Section';
import type { RefundRequest } from './types';
import type { Loaded } from '../common/useLoad';

/** DSP-1..4: the order's refund and return requests, where each stands and what was refunded. */
export function RefundsSection({
  requests,
  onRetry,
}: {
  requests: Loaded<RefundRequest[]>;
  onRetry: () => void;
}) {
  const m = useOrderMessages();
  return (
    <Section title={m.sections.refunds} className="order-section">
      {requests.state === 'loading' && <p>{m.loading}</p>}
      {requests.state === 'failed' && (
        <LoadProblem error={requests.error} notFound={m.noRequests} onRetry={onRetry} />
      )}
      {requests.state === 'ready' &&
        (requests.data.length === 0 ? (
          <p>{m.noRequests}</p>
        ) : (
          requests.data.map((request) => <RequestCard key={request.id} request={request} />)
        ))}
    </Section>
  );
}

function RequestCard({ request: loaded }: { request: RefundRequest }) {
  const m = useOrderMessages();
  const labels = useCodeLabels();
  const { locale } = useI18n();
  const headingId = useId();
  // The seller's answer replaces the request with what the API answered (its new state and deadline).
  const [request, setRequest] = useState(loaded);
  const [answered, setAnswered] = useState(false);
  const nextDeadline = request.buyerDueAt ?? request.inspectionDueAt;
  return (
    <article aria-labelledby={headingId} className="order-card">
      <h3 id={headingId}>{m.requestTitle(request.marketplaceRequestId)}</h3>
      <Facts>
        <Fact term={m.requestKind}>{labelOf(labels.refundKinds, request.kind)}</Fact>
        <Fact term={m.status}>
          <span title={request.status}>{labelOf(m.requestStatuses, request.status)}</span>
        </Fact>
        <Fact term={m.requested}>
          <span className="order-money">{formatMoney(request.requested, locale)}</span>
        </Fact>
        <Fact term={m.refunded}>
          <span className="order-money">{formatMoney(request.refunded, locale)}</span>
        </Fact>
        <Fact term={m.reason}>{request.reason}</Fact>
        <Fact term={m.requestedAt}>
          <Instant iso={request.requestedAt} />
        </Fact>
        {request.buyerDueAt && (
          <Fact term={m.actions.buyerDueAt}>
            <Instant iso={request.buyerDueAt} utc />
          </Fact>
        )}
        {request.inspectionDueAt && (
          <Fact term={m.actions.inspectionDueAt}>
            <Instant iso={request.inspectionDueAt} utc />
          </Fact>
        )}
        {request.outcome && <Fact term={m.outcome}>{labelOf(labels.refundOutcomes, request.outcome)}</Fact>}
        {request.closedAt && (
          <Fact term={m.closedAt}>
            <Instant iso={request.closedAt} />
            {request.closeReason && <span className="order-note">{request.closeReason}</span>}
          </Fact>
        )}
      </Facts>
      {request.status === 'AWAITING_SELLER' && !answered && (
        <AnswerForm
          request={request}
          onAnswered={(next) => {
            setRequest(next);
            setAnswered(true);
          }}
        />
      )}
      <p role="status" className="order-action-result">
        {answered && (
          <>
            {m.actions.answerSent(labelOf(m.requestStatuses, request.status))}
            {nextDeadline && (
              <>
                {' '}
                {m.actions.nextDeadline} <Instant iso={nextDeadline} utc />
              </>
            )}
          </>
        )}
      </p>
    </article>
  );
}
