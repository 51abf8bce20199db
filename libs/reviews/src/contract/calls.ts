import { Query } from '@nestjs/cqrs';
import type { ContractCalls } from '@tradehub/platform';
import type { DsrDimension } from './events';

/** REV-3..5 of one store as of now: counts behind the positive rate and the DSR as shown. */
export interface StoreRatingsFacts {
  storeId: string;
  windowDays: number;
  asOf: string;
  reviews: number;
  /** Reviews rated 4-5 (REV-3). */
  positive: number;
  /** Per dimension: raw mean and shown value (four places; null: not rated), REV-5's deduction. */
  dsr: {
    dimension: DsrDimension;
    reviews: number;
    mean: string | null;
    deduction: string;
    shown: string | null;
  }[];
}

/** REV-3..5 for another context (Compliance's score and campaign gate), over Reviews' own window. */
export class GetStoreRatingsQuery extends Query<StoreRatingsFacts> {
  constructor(readonly storeId: string) {
    super();
  }
}

/** The calls Reviews offers other contexts, by wire name (in-process or through Kafka). */
export const REVIEWS_CALLS: ContractCalls = {
  context: 'reviews',
  calls: {
    'reviews.get-store-ratings': GetStoreRatingsQuery,
  },
};
