import { AggregateRoot, newId, ValidationError } from '@tradehub/kernel';
import { ReviewEvents, type ReplyPostedV1, type ReviewReceivedV1 } from '../contract/events';
import { replyExists } from './reviews.errors';
import { reviewEvent } from './review-event';

export interface ReviewInput {
  marketplaceReviewId: string;
  orderId: string;
  storeId: string;
  buyerId: string;
  overall: number;
  itemAsDescribed: number;
  communication: number;
  shippingSpeed: number;
  text: string;
}

export interface ReviewState extends ReviewInput {
  id: string;
  reviewedAt: Date;
  reply: string | null;
  repliedBy: string | null;
  repliedAt: Date | null;
  version: number;
}

/** REV-3: 4 and 5 are positive. */
export const isPositive = (overall: number): boolean => overall >= 4;

/** Characters as a reader counts them (code points): an emoji or a CJK character is one. */
export const lengthOf = (text: string): number => [...text].length;

function rating(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 5)
    throw new ValidationError('must be an integer from 1 to 5', field);
  return value;
}

/**
 * A buyer's review of one delivered order (REV-1) and the seller's one reply (REV-2). The text is kept
 * exactly as written, in any language; only its length is limited.
 */
export class Review extends AggregateRoot implements ReviewState {
  id!: string;
  marketplaceReviewId!: string;
  orderId!: string;
  storeId!: string;
  buyerId!: string;
  overall!: number;
  itemAsDescribed!: number;
  communication!: number;
  shippingSpeed!: number;
  text!: string;
  reviewedAt!: Date;
  reply!: string | null;
  repliedBy!: string | null;
  repliedAt!: Date | null;
  version!: number;

  constructor(state: ReviewState) {
    super();
    Object.assign(this, state);
  }

  get aggregateType(): string {
    return 'review';
  }

  /** REV-1: ratings 1-5 in every dimension and a text within `maxText` characters (checked before anything else). */
  static check(
    input: Omit<ReviewInput, 'orderId' | 'storeId' | 'buyerId' | 'marketplaceReviewId'>,
    maxText: number,
  ): void {
    rating(input.overall, 'overall');
    rating(input.itemAsDescribed, 'dsr.itemAsDescribed');
    rating(input.communication, 'dsr.communication');
    rating(input.shippingSpeed, 'dsr.shippingSpeed');
    if (lengthOf(input.text) > maxText) throw new ValidationError(`at most ${maxText} characters`, 'text');
  }

  static receive(input: ReviewInput, now: Date, maxText: number): Review {
    Review.check(input, maxText);
    const review = new Review({
      ...input,
      id: newId(),
      reviewedAt: now,
      reply: null,
      repliedBy: null,
      repliedAt: null,
      version: 1,
    });
    review.changed('reviews.review-received');
    review.raise(
      reviewEvent<ReviewReceivedV1>(ReviewEvents.ReviewReceived, input.orderId, now, {
        reviewId: review.id,
        marketplaceReviewId: input.marketplaceReviewId,
        orderId: input.orderId,
        storeId: input.storeId,
        buyerId: input.buyerId,
        overall: input.overall,
        dsr: {
          itemAsDescribed: input.itemAsDescribed,
          communication: input.communication,
          shippingSpeed: input.shippingSpeed,
        },
        text: input.text,
        reviewedAt: now.toISOString(),
      }),
    );
    return review;
  }

  /** The same marketplace review again (a redelivery): the same order and ratings and text. */
  sameAs(input: ReviewInput): boolean {
    return (
      input.orderId === this.orderId &&
      input.overall === this.overall &&
      input.itemAsDescribed === this.itemAsDescribed &&
      input.communication === this.communication &&
      input.shippingSpeed === this.shippingSpeed &&
      input.text === this.text
    );
  }

  /** REV-2: the seller replies once; the same reply again is a retry and changes nothing. */
  replyWith(text: string, by: string, now: Date, maxText: number): void {
    if (this.reply !== null) {
      if (this.reply === text) return;
      throw replyExists();
    }
    if (text.trim().length === 0 || lengthOf(text) > maxText)
      throw new ValidationError(`a reply of 1 to ${maxText} characters is required`, 'text');
    this.reply = text;
    this.repliedBy = by;
    this.repliedAt = now;
    this.changed('reviews.reply-posted');
    this.raise(
      reviewEvent<ReplyPostedV1>(ReviewEvents.ReplyPosted, this.orderId, now, {
        reviewId: this.id,
        orderId: this.orderId,
        storeId: this.storeId,
        text,
        repliedBy: by,
        repliedAt: now.toISOString(),
      }),
    );
  }
}
