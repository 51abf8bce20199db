import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { StoreScope, UnitOfWork } from '@tradehub/platform';
import { GetStoreRatingsQuery, type StoreRatingsFacts } from '../contract/calls';
import { StoreRatingsReader } from '../ratings/store-ratings.reader';

/** REV-3..5 for Compliance: the same figures the store's seller is shown. */
@QueryHandler(GetStoreRatingsQuery)
export class GetStoreRatingsHandler implements IQueryHandler<GetStoreRatingsQuery, StoreRatingsFacts> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reader: StoreRatingsReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ storeId }: GetStoreRatingsQuery): Promise<StoreRatingsFacts> {
    const { stores } = await this.reader.read(this.uow.direct, StoreScope.all(), storeId, this.clock.now());
    const store = stores.find((s) => s.storeId === storeId)!;
    return {
      storeId,
      windowDays: store.windowDays,
      asOf: store.asOf,
      reviews: store.reviews,
      positive: store.positive,
      dsr: store.dsr.map((f) => ({
        dimension: f.dimension,
        reviews: f.reviews,
        mean: f.mean,
        deduction: f.deduction,
        shown: f.shown,
      })),
    };
  }
}
