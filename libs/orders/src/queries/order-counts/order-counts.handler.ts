import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { addFilters } from '../list-orders/list-orders.handler';
import { OrderCountsResponse } from './order-counts.dto';
import { OrderCountsQuery } from './order-counts.query';

/** ORD-6: tab counts in one scan over the caller's stores. */
@QueryHandler(OrderCountsQuery)
export class OrderCountsHandler implements IQueryHandler<OrderCountsQuery, OrderCountsResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filter, scope }: OrderCountsQuery): Promise<OrderCountsResponse> {
    const where: string[] = [];
    const params: unknown[] = [];
    scope.restrict(where, params);
    addFilters(filter, where, params, this.clock.now());
    const rows = await this.uow
      .reader()
      .query<{ status: string; n: string; overdue: string; abnormal: string; review: string }>(
        `select status, count(*) as n,
         count(*) filter (where status in ('WAIT_SELLER_SEND_GOODS', 'SELLER_PART_SEND_GOODS') and ship_by < ?) as overdue,
         count(*) filter (where in_abnormal_pool) as abnormal,
         count(*) filter (where under_review) as review
       from orders.orders ${where.length ? `where ${where.join(' and ')}` : ''} group by status`,
        [this.clock.now(), ...params],
      );
    const sum = (key: 'overdue' | 'abnormal' | 'review'): number =>
      rows.reduce((total, r) => total + Number(r[key]), 0);
    return {
      byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
      overdue: sum('overdue'),
      abnormalLogistics: sum('abnormal'),
      underReview: sum('review'),
    };
  }
}
