import { Provider } from '@nestjs/common';
import { APP_ENV, type Env, int, text } from '@tradehub/platform';
import { DEFAULT_STRIKE_DEDUCTION, type StrikeDeductionPolicy } from './domain';

export const REVIEWS_POLICY = Symbol('ReviewsPolicy');

export interface ReviewsPolicy extends StrikeDeductionPolicy {
  /** REV-3, REV-4: the window of the positive rate and the DSR, in days. */
  windowDays: number;
  /** REV-1: the longest review text, in characters. */
  maxTextChars: number;
  /** REV-2: the longest reply, in characters. */
  maxReplyChars: number;
  /** The buyer-facing team's reviews. */
  buyersTopic: string;
}

/** REV-1..5 numbers and the topic of the buyer-facing team's reviews. */
export function loadReviewsPolicy(env: Env): ReviewsPolicy {
  return {
    windowDays: int(env, 'REVIEW_WINDOW_DAYS', 90, 1, 730),
    maxTextChars: int(env, 'REVIEW_TEXT_MAX_CHARS', 2000, 1, 20_000),
    maxReplyChars: int(env, 'REVIEW_REPLY_MAX_CHARS', 1000, 1, 20_000),
    fromStrike: int(env, 'REVIEW_STRIKE_DEDUCTION_FROM', DEFAULT_STRIKE_DEDUCTION.fromStrike, 1, 1000),
    perStrikeTenThousandths:
      int(
        env,
        'REVIEW_STRIKE_DEDUCTION_HUNDREDTHS',
        DEFAULT_STRIKE_DEDUCTION.perStrikeTenThousandths / 100,
        0,
        400,
      ) * 100,
    strikeWindowDays: int(
      env,
      'REVIEW_STRIKE_WINDOW_DAYS',
      DEFAULT_STRIKE_DEDUCTION.strikeWindowDays,
      1,
      730,
    ),
    buyersTopic: text(env, 'KAFKA_BUYER_REVIEWS_TOPIC', 'buyers.reviews.v1'),
  };
}

export const reviewsConfig: Provider[] = [
  { provide: REVIEWS_POLICY, inject: [APP_ENV], useFactory: loadReviewsPolicy },
];
