/** REV-3..5 as Reviews reports them for a store: the official positive rate and shown DSR. */
export interface RatingsFigures {
  reviews: number;
  positive: number;
  /** Shown DSR per dimension in ten-thousandths (REV-5's deduction applied); null: not rated. */
  dsrShown: { dimension: string; shown: bigint | null }[];
}

export const NO_RATINGS: RatingsFigures = { reviews: 0, positive: 0, dsrShown: [] };
