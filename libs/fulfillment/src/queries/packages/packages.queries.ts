import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { GetOrderSummaryQuery } from '@tradehub/orders/contract';
import { StoreScope, UnitOfWork } from '@tradehub/platform';
import { PackageRepository } from '../../database/package.repository';
import { TrackingEventRepository } from '../../database/tracking-event.repository';
import { OrderNotFound, PackageNotFound } from '../../domain';
import { PackageResponse, toPackageResponse } from '../../views/package.response';

export class OrderPackagesQuery extends Query<PackageResponse[]> {
  constructor(
    readonly orderId: string,
    readonly scope: StoreScope,
  ) {
    super();
  }
}

export class GetPackageQuery extends Query<PackageResponse> {
  constructor(
    readonly packageId: string,
    readonly scope: StoreScope,
  ) {
    super();
  }
}

/** An order's shipped packages; an order outside the grant answers like a missing one, shipped or not. */
@QueryHandler(OrderPackagesQuery)
export class OrderPackagesHandler implements IQueryHandler<OrderPackagesQuery, PackageResponse[]> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly packages: PackageRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ orderId, scope }: OrderPackagesQuery): Promise<PackageResponse[]> {
    // API-2: Orders answers whose order it is, for the caller's grant.
    if (!(await this.queries.execute(new GetOrderSummaryQuery(orderId, scope.storeIds()))))
      throw new OrderNotFound();
    const packages = await this.packages.findShippedByOrder(this.uow.reader(), orderId);
    return packages.map((p) => toPackageResponse(p));
  }
}

/** One shipped package with its tracking history. */
@QueryHandler(GetPackageQuery)
export class GetPackageHandler implements IQueryHandler<GetPackageQuery, PackageResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly packages: PackageRepository,
    private readonly history: TrackingEventRepository,
  ) {}

  async execute({ packageId, scope }: GetPackageQuery): Promise<PackageResponse> {
    const reader = this.uow.reader();
    const pkg = scope.reveal(
      await this.packages.findById(reader, packageId),
      (p) => (p.confirmation === 'CONFIRMED' ? p.storeId : ''),
      () => new PackageNotFound(),
    );
    return toPackageResponse(pkg, await this.history.history(reader, pkg.id));
  }
}
