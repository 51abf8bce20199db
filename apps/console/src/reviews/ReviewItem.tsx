import { useEffect, useId, useRef, useState } from 'react';
import type { ApiError } from '../api/api-error';
import { ProblemAlert } from '../common/ProblemAlert';
import { Instant } from '../orders/Instant';
import { Link } from '../routing/Link';
import { orderPath } from '../routing/paths';
import { loadReview } from './loaders';
import { useReviewsMessages } from './messages';
import { ReplyForm } from './ReplyForm';
import type { DsrDimension, Review } from './types';

const DIMENSIONS: { dimension: DsrDimension; of: (r: Review) => number }[] = [
  { dimension: 'ITEM_AS_DESCRIBED', of: (r) => r.dsr.itemAsDescribed },
  { dimension: 'COMMUNICATION', of: (r) => r.dsr.communication },
  { dimension: 'SHIPPING_SPEED', of: (r) => r.dsr.shippingSpeed },
];

interface ReviewItemProps {
  review: Review;
  canReply: boolean;
  /** The review as the server has it now (with its reply). */
  onChanged: (review: Review) => void;
  /** This page sent the review's reply. */
  onReplied: (review: Review) => void;
}

/**
 * One review (REV-1): its order, the overall rating and the three DSR ratings, the buyer's text as
 * written, when it came; then the seller's reply, or the form for it (REV-2).
 */
export function ReviewItem({ review, canReply, onChanged, onReplied }: ReviewItemProps) {
  const { v } = useReviewsMessages();
  const ids = useId();
  const headingId = `${ids}-heading`;
  const [refusal, setRefusal] = useState<ApiError>();
  // Focus follows the form's answer: to the reply it left behind.
  const [focusReply, setFocusReply] = useState(false);
  const replyHeading = useRef<HTMLHeadingElement>(null);
  const positive = review.overall >= 4;

  useEffect(() => {
    if (focusReply && review.reply !== null) {
      replyHeading.current?.focus();
      setFocusReply(false);
    }
  }, [focusReply, review.reply]);

  const replied = (answered: Review) => {
    setRefusal(undefined);
    setFocusReply(true);
    onChanged(answered);
    onReplied(answered);
  };

  // Replied meanwhile (another tab, another person): the refusal, and the reply it refers to.
  const refused = (error: ApiError) => {
    setRefusal(error);
    loadReview(review.id).then(
      (fresh) => {
        setFocusReply(true);
        onChanged(fresh);
      },
      () => undefined,
    );
  };

  return (
    <article className="review-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="review-order">
        <Link href={orderPath(review.orderId)}>
          {v.orderPrefix} <span className="order-id">{review.orderId}</span>
        </Link>
      </h3>
      <p className="review-rating">
        <span className="review-stars" aria-hidden="true">
          {'★'.repeat(review.overall)}
          {'☆'.repeat(5 - review.overall)}
        </span>{' '}
        <span>{v.rated(review.overall)}</span>{' '}
        <span className={positive ? 'review-tag review-tag-positive' : 'review-tag'}>
          {positive ? v.positive : v.notPositive}
        </span>
      </p>
      <dl className="review-facts">
        <div>
          <dt>{v.reviewedAt}</dt>
          <dd>
            <Instant iso={review.reviewedAt} />
          </dd>
        </div>
        <div>
          <dt>{v.storeLabel}</dt>
          <dd>{review.storeId}</dd>
        </div>
        {DIMENSIONS.map(({ dimension, of }) => (
          <div key={dimension}>
            <dt>{v.dimensions[dimension]}</dt>
            <dd>{v.dsrOf(of(review))}</dd>
          </div>
        ))}
      </dl>
      {review.text ? (
        <figure className="review-text">
          <figcaption className="secondary">{v.buyerText}</figcaption>
          <blockquote>{review.text}</blockquote>
        </figure>
      ) : (
        <p className="hint">{v.noText}</p>
      )}
      {refusal && (
        <>
          <ProblemAlert error={refusal} />
          {review.reply !== null && <p className="hint">{v.alreadyReplied}</p>}
        </>
      )}
      {review.reply !== null ? (
        <div className="review-reply">
          <h4 ref={replyHeading} tabIndex={-1}>
            {v.yourReply}
          </h4>
          <p className="review-reply-text">{review.reply}</p>
          {review.repliedAt && (
            <p className="secondary">
              {v.repliedAt} <Instant iso={review.repliedAt} />
            </p>
          )}
        </div>
      ) : canReply ? (
        <ReplyForm review={review} reviewHeadingId={headingId} onReplied={replied} onRefused={refused} />
      ) : (
        <p className="hint">{v.noReplyReadOnly}</p>
      )}
    </article>
  );
}
