import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeTimeCursor, encodeCursor, NotFoundError, type Page } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { LedgerReadRepository } from '../database/ledger-read.repository';
import { LedgerRepository } from '../database/ledger.repository';
import { SettlementOrder, Withdrawal } from '../domain';
import type {
  BalanceResponse,
  EntryResponse,
  PayoutCycleResponse,
  ReleaseScheduleResponse,
  SettlementOrderResponse,
  WithdrawalResponse,
} from '../views/settlement.responses';
import { settlementOrderView, withdrawalView } from '../views/settlement.views';
import {
  GetBalancesQuery,
  GetPayoutCycleQuery,
  GetReleaseScheduleQuery,
  GetSettlementOrderQuery,
  GetWithdrawalQuery,
  ListEntriesQuery,
  ListHeldReviewsQuery,
  ListWithdrawalsQuery,
} from './settlement.queries';

const KIND_FIELD = {
  FROZEN: 'frozen',
  AVAILABLE: 'available',
  PAYOUT_IN_TRANSIT: 'payoutInTransit',
} as const;

@QueryHandler(GetBalancesQuery)
export class GetBalancesHandler implements IQueryHandler<GetBalancesQuery, BalanceResponse[]> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ledger: LedgerRepository,
  ) {}

  async execute({ scope, storeId }: GetBalancesQuery): Promise<BalanceResponse[]> {
    const rows = await this.ledger.balances(this.uow.direct, scope, storeId);
    const byStoreCurrency = new Map<string, BalanceResponse>();
    for (const r of rows) {
      const key = `${r.store_id}|${r.currency}`;
      const b = byStoreCurrency.get(key) ?? {
        storeId: r.store_id!,
        currency: r.currency,
        frozen: '0',
        available: '0',
        payoutInTransit: '0',
      };
      b[KIND_FIELD[r.kind as keyof typeof KIND_FIELD]] = r.balance;
      byStoreCurrency.set(key, b);
    }
    return [...byStoreCurrency.values()];
  }
}

@QueryHandler(ListEntriesQuery)
export class ListEntriesHandler implements IQueryHandler<ListEntriesQuery, Page<EntryResponse>> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly read: LedgerReadRepository,
  ) {}

  execute({ scope, filter }: ListEntriesQuery): Promise<Page<EntryResponse>> {
    return this.read.entries(this.uow.direct, scope, filter);
  }
}

@QueryHandler(GetSettlementOrderQuery)
export class GetSettlementOrderHandler implements IQueryHandler<
  GetSettlementOrderQuery,
  SettlementOrderResponse
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly read: LedgerReadRepository,
  ) {}

  async execute({ scope, orderId }: GetSettlementOrderQuery): Promise<SettlementOrderResponse> {
    const tx = this.uow.reader();
    const order = scope.reveal(
      await tx.em.findOne(SettlementOrder, { id: orderId }),
      (o) => o.storeId,
      () => new NotFoundError('SETTLEMENT_NOT_FOUND', `order ${orderId} is not in settlement`),
    );
    return settlementOrderView(order, await this.read.ofOrder(this.uow.direct, orderId));
  }
}

@QueryHandler(ListHeldReviewsQuery)
export class ListHeldReviewsHandler implements IQueryHandler<
  ListHeldReviewsQuery,
  Page<SettlementOrderResponse>
> {
  constructor(private readonly uow: UnitOfWork) {}

  /** Oldest hold first, so the queue is worked in order. */
  async execute({ limit, cursor }: ListHeldReviewsQuery): Promise<Page<SettlementOrderResponse>> {
    const after = cursor ? decodeTimeCursor(cursor) : null;
    const orders = await this.uow.reader().em.find(
      SettlementOrder,
      after
        ? {
            fundStatus: 'HELD',
            $or: [
              { heldAt: { $gt: new Date(after.at) } },
              { heldAt: new Date(after.at), id: { $gt: after.id } },
            ],
          }
        : { fundStatus: 'HELD' },
      { orderBy: { heldAt: 'asc', id: 'asc' }, limit: limit + 1 },
    );
    const items = orders.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((o) => settlementOrderView(o, [])),
      nextCursor: orders.length > limit && last ? encodeCursor([last.heldAt!.toISOString(), last.id]) : null,
    };
  }
}

@QueryHandler(ListWithdrawalsQuery)
export class ListWithdrawalsHandler implements IQueryHandler<ListWithdrawalsQuery, Page<WithdrawalResponse>> {
  constructor(private readonly uow: UnitOfWork) {}

  /** Newest first. */
  async execute({ scope, storeId, limit, cursor }: ListWithdrawalsQuery): Promise<Page<WithdrawalResponse>> {
    const stores = scope.storeIds();
    const where: Record<string, unknown> = {};
    if (stores) where.storeId = { $in: storeId ? stores.filter((s) => s === storeId) : stores };
    else if (storeId) where.storeId = storeId;
    if (cursor) {
      const after = decodeTimeCursor(cursor);
      where.$or = [
        { requestedAt: { $lt: new Date(after.at) } },
        { requestedAt: new Date(after.at), id: { $lt: after.id } },
      ];
    }
    const rows = await this.uow.reader().em.find(Withdrawal, where, {
      orderBy: { requestedAt: 'desc', id: 'desc' },
      limit: limit + 1,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(withdrawalView),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.requestedAt.toISOString(), last.id]) : null,
    };
  }
}

@QueryHandler(GetWithdrawalQuery)
export class GetWithdrawalHandler implements IQueryHandler<GetWithdrawalQuery, WithdrawalResponse> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ scope, id }: GetWithdrawalQuery): Promise<WithdrawalResponse> {
    const w = await this.uow.reader().em.findOne(Withdrawal, { id });
    return withdrawalView(
      scope.reveal(
        w,
        (x) => x.storeId,
        () => new NotFoundError('WITHDRAWAL_NOT_FOUND', `no withdrawal ${id}`),
      ),
    );
  }
}

@QueryHandler(GetPayoutCycleQuery)
export class GetPayoutCycleHandler implements IQueryHandler<GetPayoutCycleQuery, PayoutCycleResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly read: LedgerReadRepository,
  ) {}

  async execute({ scope, storeId }: GetPayoutCycleQuery): Promise<PayoutCycleResponse> {
    const { averageSeconds, count } = await this.read.payoutCycle(this.uow.direct, scope, storeId);
    return {
      averageDays: averageSeconds === null ? null : Math.round((averageSeconds / 86_400) * 100) / 100,
      releasedOrders: count,
    };
  }
}

@QueryHandler(GetReleaseScheduleQuery)
export class GetReleaseScheduleHandler implements IQueryHandler<
  GetReleaseScheduleQuery,
  ReleaseScheduleResponse
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly read: LedgerReadRepository,
  ) {}

  async execute({ scope, storeId }: GetReleaseScheduleQuery): Promise<ReleaseScheduleResponse> {
    const { days, held } = await this.read.releaseSchedule(this.uow.direct, scope, storeId);
    return {
      days: days.map((r) => ({
        day: r.day,
        releaseAt: new Date(r.release_at!).toISOString(),
        amount: { minor: r.amount, currency: r.currency },
        orders: r.orders,
      })),
      held: held.map((r) => ({ amount: { minor: r.amount, currency: r.currency }, orders: r.orders })),
    };
  }
}
