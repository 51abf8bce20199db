import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, NotFoundError, utcDayWindow } from '@tradehub/kernel';
import { type StoreScope, UnitOfWork } from '@tradehub/platform';
import type { IneligibilityReasonV1, SlaScorePartV1 } from '../../contract/events';
import { StoreDirectory } from '../../directory';
import { RatingsSource } from '../commands/ratings-source';
import { AccountStatus } from '../database/account-status';
import { StandingRepository } from '../database/standing.repository';
import { campaignEligibility } from '../domain';
import { STANDING_POLICY, type StandingPolicy } from '../standing.config';
import { type AnalysisFilter, type TradeAnalysis, TradeAnalysisReader } from './trade-analysis.reader';

export const storeNotFound = () => new NotFoundError('STORE_NOT_FOUND', 'no such store');

export class TradeAnalysisQuery extends Query<TradeAnalysis> {
  constructor(
    readonly scope: StoreScope,
    readonly filter: AnalysisFilter,
  ) {
    super();
  }
}

export interface StoreStandingView {
  storeId: string;
  asOf: string | null;
  score: string | null;
  parts: SlaScorePartV1[];
  warnings: { warning: string; value: string; bar: string; raisedAt: string }[];
  eligible: boolean;
  reasons: IneligibilityReasonV1[];
}

export class StandingQuery extends Query<StoreStandingView[]> {
  constructor(
    readonly scope: StoreScope,
    readonly filter: AnalysisFilter,
  ) {
    super();
  }
}

export class ScoreHistoryQuery extends Query<
  { day: string; score: string | null; parts: SlaScorePartV1[] }[]
> {
  constructor(
    readonly scope: StoreScope,
    readonly storeId: string,
  ) {
    super();
  }
}

export interface EligibilityView {
  storeId: string;
  eligible: boolean;
  reasons: IneligibilityReasonV1[];
  asOf: string;
}

/** CMP-3, asked by the campaigns team: computed now from Reviews' DSR and the account's state. */
export class CampaignEligibilityQuery extends Query<EligibilityView> {
  constructor(
    readonly scope: StoreScope,
    readonly storeId: string,
  ) {
    super();
  }
}

@QueryHandler(TradeAnalysisQuery)
export class TradeAnalysisHandler implements IQueryHandler<TradeAnalysisQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reader: TradeAnalysisReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ scope, filter }: TradeAnalysisQuery): Promise<TradeAnalysis> {
    return this.reader.read(this.uow.direct, scope, filter, this.clock.now());
  }
}

@QueryHandler(StandingQuery)
export class StandingHandler implements IQueryHandler<StandingQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reader: TradeAnalysisReader,
    private readonly standing: StandingRepository,
  ) {}

  async execute({ scope, filter }: StandingQuery): Promise<StoreStandingView[]> {
    const sql = this.uow.direct;
    const stores = await this.reader.stores(sql, scope, filter);
    const saved = new Map((await this.standing.find(sql, stores)).map((s) => [s.storeId, s]));
    const open = await this.standing.warnings(sql, stores, true);
    return stores.map((storeId) => {
      const s = saved.get(storeId);
      return {
        storeId,
        asOf: s ? s.asOf.toISOString() : null,
        score: s?.score ?? null,
        parts: s?.parts ?? [],
        warnings: open
          .filter((w) => w.store_id === storeId)
          .map((w) => ({
            warning: String(w.warning),
            value: String(w.value),
            bar: String(w.bar),
            raisedAt: new Date(w.raised_at as Date).toISOString(),
          })),
        eligible: s?.eligible ?? true,
        reasons: s?.reasons ?? [],
      };
    });
  }
}

@QueryHandler(ScoreHistoryQuery)
export class ScoreHistoryHandler implements IQueryHandler<ScoreHistoryQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly standing: StandingRepository,
    @Inject(STANDING_POLICY) private readonly policy: StandingPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ scope, storeId }: ScoreHistoryQuery) {
    scope.reveal(storeId, (s) => s, storeNotFound);
    const { from, to } = utcDayWindow(this.clock.now(), this.policy.windowDays);
    return this.standing.history(this.uow.direct, storeId, from, to);
  }
}

@QueryHandler(CampaignEligibilityQuery)
export class CampaignEligibilityHandler implements IQueryHandler<CampaignEligibilityQuery> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly directory: StoreDirectory,
    private readonly accounts: AccountStatus,
    private readonly ratings: RatingsSource,
    @Inject(STANDING_POLICY) private readonly policy: StandingPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ scope, storeId }: CampaignEligibilityQuery): Promise<EligibilityView> {
    // API-2: a caller granted some stores asks about those only (a store never seen is still answered).
    scope.reveal(storeId, (s) => s, storeNotFound);
    const sql = this.uow.direct;
    const owner = await this.directory.owner(sql, storeId);
    const closed = owner ? await this.accounts.closed(sql, owner.sellerId) : false;
    const gate = campaignEligibility(await this.ratings.figures(storeId), closed, this.policy.campaignDsrBar);
    return { storeId, ...gate, asOf: this.clock.now().toISOString() };
  }
}
