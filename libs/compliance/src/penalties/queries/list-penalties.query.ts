import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '@tradehub/kernel';
import { type StoreScope, UnitOfWork } from '@tradehub/platform';
import { SellerAccountRepository } from '../database';
import { PENALTY_POLICY, type PenaltyPolicy } from '../penalties.config';
import { type SellerPenaltiesResponse, sellerPenaltiesView } from '../views/seller-penalties.response';

/** CMP-4: the penalty accounts of the sellers whose stores the caller may see (or of one store's seller). */
export class ListPenaltiesQuery extends Query<Page<SellerPenaltiesResponse>> {
  constructor(
    readonly scope: StoreScope,
    readonly storeId: string | undefined,
    readonly withCases: boolean,
    readonly cursor: string | undefined,
    readonly limit: number,
  ) {
    super();
  }
}

@QueryHandler(ListPenaltiesQuery)
export class ListPenaltiesHandler implements IQueryHandler<ListPenaltiesQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly accounts: SellerAccountRepository,
    @Inject(PENALTY_POLICY) private readonly policy: PenaltyPolicy,
  ) {}

  async execute({
    scope,
    storeId,
    withCases,
    cursor,
    limit,
  }: ListPenaltiesQuery): Promise<Page<SellerPenaltiesResponse>> {
    const page = await this.accounts.page(this.uow.reader(), scope, { storeId, withCases, cursor, limit });
    return {
      items: page.items.map((item) => sellerPenaltiesView(item, scope, this.policy)),
      nextCursor: page.nextCursor,
    };
  }
}
