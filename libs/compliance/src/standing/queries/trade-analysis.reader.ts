import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DAY_MS, utcDayWindow } from '@tradehub/kernel';
import { DailyAmountsInUsdQuery } from '@tradehub/settlement/contract';
import type { Sql, StoreScope } from '@tradehub/platform';
import { StoreDirectory } from '../../directory';
import { RollupRepository } from '../database/rollup.repository';
import {
  addWindowTotals,
  NOTHING,
  type GmvPart,
  type TradeMetrics,
  tradeMetrics,
  type WindowTotals,
} from '../domain';
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
    const days = await this.rollups.days(sql, stores, from, to);
    const gmv = await this.rollups.gmv(sql, stores, from, to);

    const byDay = new Map<string, WindowTotals>();
    const byStore = new Map<string, WindowTotals>(stores.map((s) => [s, NOTHING]));
    for (const d of days) {
      byDay.set(d.day, addWindowTotals(byDay.get(d.day) ?? NOTHING, d.totals));
      byStore.set(d.storeId, addWindowTotals(byStore.get(d.storeId) ?? NOTHING, d.totals));
    }
    // GMV in USD at each day's stored rate (Settlement keeps the rates), in calls of a size a
    // message between processes carries comfortably.
    const usd: (string | null)[] = [];
    for (let at = 0; at < gmv.length; at += USD_CALL_SIZE) {
      const part = gmv.slice(at, at + USD_CALL_SIZE);
      usd.push(
        ...(await this.queries.execute(
          new DailyAmountsInUsdQuery(
            part.map((g) => ({ day: g.day, currency: g.currency, minor: g.gmvMinor.toString() })),
          ),
        )),
      );
    }
    const rows = gmv.map((g, i) => ({ ...g, usd: usd[i] == null ? null : BigInt(usd[i]) }));
    const money = (part: typeof rows): GmvPart[] => {
      const sums = new Map<string, GmvPart>();
      for (const g of part) {
        const s = sums.get(g.currency) ?? { currency: g.currency, orders: 0, minor: 0n, usd: 0n };
        sums.set(g.currency, {
          currency: g.currency,
          orders: s.orders + g.orders,
          minor: s.minor + g.gmvMinor,
          usd: s.usd === null || g.usd === null ? null : s.usd + g.usd,
        });
      }
      return [...sums.values()];
    };
    const all = [...byStore.values()].reduce(addWindowTotals, NOTHING);
    const series: TradeAnalysis['series'] = [];
    for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += DAY_MS) {
      const day = new Date(at).toISOString().slice(0, 10);
      series.push({
        day,
        ...tradeMetrics(byDay.get(day) ?? NOTHING, money(rows.filter((g) => g.day === day))),
      });
    }
    return {
      from,
      to,
      windowDays: this.policy.windowDays,
      stores,
      totals: tradeMetrics(all, money(rows)),
      byStore: [...byStore].map(([storeId, t]) => ({
        storeId,
        totals: tradeMetrics(t, money(rows.filter((g) => g.storeId === storeId))),
      })),
      series,
    };
  }
}
