import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetStoreRatingsQuery } from '@tradehub/reviews/contract';
import { parseDecimal, type RatingsFigures } from '../domain';

/** REV-3..5 from Reviews (its contract query): the positive rate's counts and the DSR as the store is shown it. */
@Injectable()
export class RatingsSource {
  constructor(private readonly queries: QueryBus) {}

  async figures(storeId: string): Promise<RatingsFigures> {
    const facts = await this.queries.execute(new GetStoreRatingsQuery(storeId));
    return {
      reviews: facts.reviews,
      positive: facts.positive,
      dsrShown: facts.dsr.map((d) => ({
        dimension: d.dimension,
        shown: d.shown === null ? null : parseDecimal(d.shown, 4),
      })),
    };
  }
}
