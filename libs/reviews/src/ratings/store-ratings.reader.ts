import { Inject, Injectable } from '@nestjs/common';
import type { DomainEvent } from '@tradehub/kernel';
import type { Sql, StoreScope } from '@tradehub/platform';
import { type DsrChangedV1, ReviewEvents } from '../contract/events';
import { StoreRatingsRepository } from '../database/store-ratings.repository';
import {
  addTotals,
  type DsrFigure,
  dsrFigures,
  NO_REVIEWS,
  positiveRate,
  type RatingTotals,
  ratingWindow,
  reviewEvent,
} from '../domain';
import { REVIEWS_POLICY, type ReviewsPolicy } from '../reviews.config';

const DAY_MS = 86_400_000;

/** One store's (or several stores') figures over the window. */
export interface StoreRatings {
  storeId: string;
  windowDays: number;
  asOf: string;
  reviews: number;
  positive: number;
  /** REV-3; null = not rated. */
  positiveRate: string | null;
  /** REV-4, REV-5. */
  dsr: DsrFigure[];
}

/**
 * REV-3..5 read from the daily roll-ups: per store, and across the stores asked for (their sums,
 * with raw means: a strike deduction belongs to one store).
 */
@Injectable()
export class StoreRatingsReader {
  constructor(
    private readonly ratings: StoreRatingsRepository,
    @Inject(REVIEWS_POLICY) private readonly policy: ReviewsPolicy,
  ) {}

  async read(
    sql: Sql,
    scope: StoreScope,
    storeId: string | null,
    now: Date,
    windowDays = this.policy.windowDays,
  ): Promise<{ stores: StoreRatings[]; all: StoreRatings }> {
    const totals = await this.ratings.window(sql, scope, storeId, ratingWindow(now, windowDays));
    // A store asked for by name that the caller may see is shown even with nothing rated.
    if (storeId && !totals.has(storeId) && scope.allows(storeId)) totals.set(storeId, NO_REVIEWS);
    const since = new Date(now.getTime() - this.policy.strikeWindowDays * DAY_MS);
    const strikes = await this.ratings.strikes(sql, [...totals.keys()], since);
    const view = (id: string, t: RatingTotals, struck: number): StoreRatings => ({
      storeId: id,
      windowDays,
      asOf: now.toISOString(),
      reviews: t.reviews,
      positive: t.positive,
      positiveRate: positiveRate(t.positive, t.reviews),
      dsr: dsrFigures(t, struck, this.policy),
    });
    const stores = [...totals].map(([id, t]) => view(id, t, strikes.get(id) ?? 0));
    const sum = [...totals.values()].reduce(addTotals, NO_REVIEWS);
    return { stores, all: view('*', sum, 0) };
  }

  /** REV-4, REV-5: the store's figures now, as `dsr-changed` events (all three, or one dimension). */
  async changed(
    sql: Sql,
    scope: StoreScope,
    storeId: string,
    now: Date,
    only?: DsrFigure['dimension'],
  ): Promise<DomainEvent<object>[]> {
    const { stores } = await this.read(sql, scope, storeId, now);
    const store = stores.find((s) => s.storeId === storeId);
    if (!store) return [];
    return store.dsr
      .filter((f) => !only || f.dimension === only)
      .map((f) =>
        reviewEvent<DsrChangedV1>(
          ReviewEvents.DsrChanged,
          storeId,
          now,
          {
            storeId,
            dimension: f.dimension,
            windowDays: store.windowDays,
            asOf: store.asOf,
            reviews: f.reviews,
            mean: f.mean,
            deduction: f.deduction,
            shown: f.shown,
          },
          'store',
        ),
      );
  }
}
