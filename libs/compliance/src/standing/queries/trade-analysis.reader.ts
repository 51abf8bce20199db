import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DAY_MS, utcDayWindow } from '@tradehub/kernel';
import { DailyAmountsInUsdQuery } from '@tradehub/settlement/contract';
import type { Sql, StoreScope } from '@tradehub/platform';
import { StoreDirectory } from '../../directory';
import { type GmvRow, RollupRepository } from '../database/rollup.repository';
import { addWindowTotals, NOTHING, type GmvPart, type TradeMetrics, tradeMetrics } from '../domain';
import { STANDING_POLICY, type StandingPolicy } from '../standing.config';

export interface AnalysisFilter {
  storeId?: string;
  mainAccountId?: string;
}

export interface TradeAnalysis {
  from: string;
  to: string;
  windowDays: number;
  stores: string[];
  totals: TradeMetrics;
  byStore: { storeId: string; totals: TradeMetrics }[];
  /** Every UTC day of the window, oldest first, zeros included (a chart needs them). */
  series: ({ day: string } & TradeMetrics)[];
}

/** Amounts per call to Settlement: about 100 KB as JSON. */
const USD_CALL_SIZE = 2000;

/** ANA-1 (with ORD-6's filters): the window's metrics from the daily roll-ups, per store, across them and per day. */
@Injectable()
export class TradeAnalysisReader {
  constructor(
    private readonly rollups: RollupRepository,
    private readonly directory: StoreDirectory,
    private readonly queries: QueryBus,
    @Inject(STANDING_POLICY) private readonly policy: StandingPolicy,
  ) {}

  async stores(sql: Sql, scope: StoreScope, filter: AnalysisFilter): Promise<string[]> {
    const candidates = filter.storeId
      ? [filter.storeId]
      : filter.mainAccountId
        ? await this.directory.storesOfMainAccounts(sql, [filter.mainAccountId])
        : (scope.storeIds() ?? (await this.directory.allStores(sql)));
    return [...new Set(candidates)].filter((s) => scope.allows(s)).sort();
  }

  async read(sql: Sql, scope: StoreScope, filter: AnalysisFilter, now: Date): Promise<TradeAnalysis> {
    const { from, to } = utcDayWindow(now, this.policy.windowDays);
    const stores = await this.stores(sql, scope, filter);
    const sums = await this.rollups.sums(sql, stores, from, to);
    const gmv = await this.rollups.gmv(sql, stores, from, to);
    const usd = await this.inUsd(gmv);

    // Each store-day's amount, converted on its own day, adds to its store, its day and the total.
    const byDay = new Map<string, Map<string, GmvPart>>();
    const byStore = new Map<string, Map<string, GmvPart>>();
    const all = new Map<string, GmvPart>();
    gmv.forEach((g, i) => {
      const part = { currency: g.currency, orders: g.orders, minor: g.gmvMinor, usd: usd[i] ?? null };
      for (const [sumsOf, key] of [
        [byDay, g.day],
        [byStore, g.storeId],
      ] as const)
        addGmv(sumsOf.get(key) ?? sumsOf.set(key, new Map()).get(key)!, part);
      addGmv(all, part);
    });
    const money = (sumsOf: Map<string, GmvPart> | undefined): GmvPart[] => [...(sumsOf?.values() ?? [])];

    const series: TradeAnalysis['series'] = [];
    for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += DAY_MS) {
      const day = new Date(at).toISOString().slice(0, 10);
      series.push({ day, ...tradeMetrics(sums.byDay.get(day) ?? NOTHING, money(byDay.get(day))) });
    }
    return {
      from,
      to,
      windowDays: this.policy.windowDays,
      stores,
      totals: tradeMetrics([...sums.byStore.values()].reduce(addWindowTotals, NOTHING), money(all)),
      byStore: stores.map((storeId) => ({
        storeId,
        totals: tradeMetrics(sums.byStore.get(storeId) ?? NOTHING, money(byStore.get(storeId))),
      })),
      series,
    };
  }

  /**
   * GMV in USD at each day's stored rate (Settlement keeps the rates), in calls of a size a message
   * between processes carries comfortably.
   */
  private async inUsd(gmv: readonly GmvRow[]): Promise<(bigint | null)[]> {
    const usd: (bigint | null)[] = [];
    for (let at = 0; at < gmv.length; at += USD_CALL_SIZE) {
      const part = gmv.slice(at, at + USD_CALL_SIZE);
      const answers = await this.queries.execute(
        new DailyAmountsInUsdQuery(
          part.map((g) => ({ day: g.day, currency: g.currency, minor: g.gmvMinor.toString() })),
        ),
      );
      for (const a of answers) usd.push(a == null ? null : BigInt(a));
    }
    return usd;
  }
}

/** Adds one store-day's amount to the sums per currency (USD unknown once any part has no rate). */
function addGmv(sums: Map<string, GmvPart>, g: GmvPart): void {
  const s = sums.get(g.currency);
  sums.set(
    g.currency,
    s === undefined
      ? { ...g }
      : {
          currency: g.currency,
          orders: s.orders + g.orders,
          minor: s.minor + g.minor,
          usd: s.usd === null || g.usd === null ? null : s.usd + g.usd,
        },
  );
}
