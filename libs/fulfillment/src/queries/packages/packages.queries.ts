import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { FindOrderStoreQuery } from '@tradehub/orders/contract';
import { NotFoundError } from '@tradehub/kernel';
import { StoreScope, UnitOfWork } from '@tradehub/platform';
import { PackageRepository } from '../../database/package.repository';
import { TrackingEventRepository } from '../../database/tracking-event.repository';
import { packageNotFound } from '../../domain';
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

/** An order's packages; an order outside the grant answers like one without packages that does not exist. */
@QueryHandler(OrderPackagesQuery)
export class OrderPackagesHandler implements IQueryHandler<OrderPackagesQuery, PackageResponse[]> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly packages: PackageRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ orderId, scope }: OrderPackagesQuery): Promise<PackageResponse[]> {
    // API-2: a missing order and another store's order answer alike, shipped or not.
    const storeId = await this.queries.execute(new FindOrderStoreQuery(orderId));
    if (!storeId || !scope.allows(storeId)) throw new NotFoundError('ORDER_NOT_FOUND', 'No such order');
    const packages = await this.packages.findByOrder(this.uow.reader(), orderId);
    return packages.map((p) => toPackageResponse(p));
  }
}

/** One package with its tracking history. */
@QueryHandler(GetPackageQuery)
export class GetPackageHandler implements IQueryHandler<GetPackageQuery, PackageResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly packages: PackageRepository,
    private readonly history: TrackingEventRepository,
  ) {}

  async execute({ packageId, scope }: GetPackageQuery): Promise<PackageResponse> {
    const sql = this.uow.reader();
    const pkg = scope.reveal(
      await this.packages.findById(sql, packageId),
      (p) => p.snapshot.storeId,
      packageNotFound,
    );
    return toPackageResponse(pkg, await this.history.history(sql, pkg.id));
  }
}
