import { Query } from '@nestjs/cqrs';
import type { Page } from '@tradehub/kernel';
import type { StoreScope } from '@tradehub/platform';
import type { EntryFilter } from '../database/ledger-read.repository';
import type {
  BalanceResponse,
  EntryResponse,
  PayoutCycleResponse,
  ReleaseScheduleResponse,
  SettlementOrderResponse,
  WithdrawalResponse,
} from '../views/settlement.responses';

export class GetBalancesQuery extends Query<BalanceResponse[]> {
  constructor(
    readonly scope: StoreScope,
    readonly storeId: string | null,
  ) {
    super();
  }
}

export class ListEntriesQuery extends Query<Page<EntryResponse>> {
  constructor(
    readonly scope: StoreScope,
    readonly filter: EntryFilter,
  ) {
    super();
  }
}

export class GetSettlementOrderQuery extends Query<SettlementOrderResponse> {
  constructor(
    readonly scope: StoreScope,
    readonly orderId: string,
  ) {
    super();
  }
}

export class ListHeldReviewsQuery extends Query<Page<SettlementOrderResponse>> {
  constructor(
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}

export class ListWithdrawalsQuery extends Query<Page<WithdrawalResponse>> {
  constructor(
    readonly scope: StoreScope,
    readonly storeId: string | undefined,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}

export class GetWithdrawalQuery extends Query<WithdrawalResponse> {
  constructor(
    readonly scope: StoreScope,
    readonly id: string,
  ) {
    super();
  }
}

export class GetReleaseScheduleQuery extends Query<ReleaseScheduleResponse> {
  constructor(
    readonly scope: StoreScope,
    readonly storeId: string | undefined,
  ) {
    super();
  }
}

export class GetPayoutCycleQuery extends Query<PayoutCycleResponse> {
  constructor(
    readonly scope: StoreScope,
    readonly storeId: string | undefined,
  ) {
    super();
  }
}
