import { ratio } from '@tradehub/kernel';
import type { DsrDimension } from '../contract/events';

const DAY_MS = 86_400_000;
/** Means are computed exactly and shown to four places. */
const SCALE = 10_000n;

/** What a window holds for one store: counts and rating sums (never a mean, which would round). */
export interface RatingTotals {
  reviews: number;
  positive: number;
  itemAsDescribed: number;
  communication: number;
  shippingSpeed: number;
}

export const NO_REVIEWS: RatingTotals = {
  reviews: 0,
  positive: 0,
  itemAsDescribed: 0,
  communication: 0,
  shippingSpeed: 0,
};

export function addTotals(a: RatingTotals, b: RatingTotals): RatingTotals {
  return {
    reviews: a.reviews + b.reviews,
    positive: a.positive + b.positive,
    itemAsDescribed: a.itemAsDescribed + b.itemAsDescribed,
    communication: a.communication + b.communication,
    shippingSpeed: a.shippingSpeed + b.shippingSpeed,
  };
}

/** REV-5 settings: from the `fromStrike`-th strike in the window on, each takes `perStrike` (in ten-thousandths) off. */
export interface StrikeDeductionPolicy {
  fromStrike: number;
  perStrikeTenThousandths: number;
  strikeWindowDays: number;
}

export const DEFAULT_STRIKE_DEDUCTION: StrikeDeductionPolicy = {
  fromStrike: 3,
  perStrikeTenThousandths: 1000,
  strikeWindowDays: 90,
};

/**
 * The window of REV-3/4: every review at or after `since` (a review exactly `days` old counts). Whole
 * UTC days after the first are read from the daily roll-up; the first, partial day from its reviews.
 */
export function ratingWindow(
  now: Date,
  days: number,
): { since: Date; firstDay: string; nextDay: string; today: string } {
  const since = new Date(now.getTime() - days * DAY_MS);
  const firstDay = since.toISOString().slice(0, 10);
  const nextDay = new Date(Date.parse(`${firstDay}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return { since, firstDay, nextDay, today: now.toISOString().slice(0, 10) };
}

/** `value` ten-thousandths as a decimal string, e.g. 47123 -> "4.7123". */
function decimal(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / SCALE}.${(abs % SCALE).toString().padStart(4, '0')}`;
}

/** sum / count to four places, half up; null when nothing was rated. */
function meanScaled(sum: number, count: number): bigint | null {
  if (count <= 0) return null;
  return (BigInt(sum) * SCALE * 2n + BigInt(count)) / (2n * BigInt(count));
}

/** REV-3: positive / all as a six-place fraction ("0.945000"); null ("not rated") without reviews. */
export function positiveRate(positive: number, reviews: number): string | null {
  return ratio(positive, reviews);
}

export interface DsrFigure {
  dimension: DsrDimension;
  reviews: number;
  sum: number;
  /** REV-4: the raw mean; null = not rated. */
  mean: string | null;
  /** REV-5: what strikes take off (shipping speed only). */
  deduction: string;
  strikes: number;
  /** What the store is shown: the mean less the deduction, never below 1.0. */
  shown: string | null;
}

const FLOOR = SCALE; // 1.0

/** REV-4, REV-5: the three figures of a store's window; strikes count only against shipping speed. */
export function dsrFigures(
  totals: RatingTotals,
  strikes: number,
  policy: StrikeDeductionPolicy,
): DsrFigure[] {
  const deductible = Math.max(0, strikes - policy.fromStrike + 1);
  const deduction = BigInt(deductible) * BigInt(policy.perStrikeTenThousandths);
  const figure = (dimension: DsrDimension, sum: number, takeOff: bigint): DsrFigure => {
    const mean = meanScaled(sum, totals.reviews);
    const shown = mean === null ? null : mean - takeOff < FLOOR ? FLOOR : mean - takeOff;
    return {
      dimension,
      reviews: totals.reviews,
      sum,
      mean: mean === null ? null : decimal(mean),
      deduction: decimal(takeOff),
      strikes: dimension === 'SHIPPING_SPEED' ? strikes : 0,
      shown: shown === null ? null : decimal(shown),
    };
  };
  return [
    figure('ITEM_AS_DESCRIBED', totals.itemAsDescribed, 0n),
    figure('COMMUNICATION', totals.communication, 0n),
    figure('SHIPPING_SPEED', totals.shippingSpeed, deduction),
  ];
}
