// Turns scored timelines into the report's numbers. An order is "flagged" at a cut when one of
// its scorings before its dispute opened (or any scoring, without a dispute) reached the cut;
// the lead time is from that first scoring to the dispute's opening.
import { HOUR } from './world.mjs';

export const LEAD_HOURS = 48;

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** Precision, recall and lead times of the flag "score >= cut". */
export function atCut(timelines, cut) {
  let flagged = 0;
  let truePositives = 0;
  let disputes = 0;
  const leads = [];
  for (const { order, scorings } of timelines) {
    if (order.dispute) disputes += 1;
    const first = scorings.find((s) => s.score >= cut);
    if (!first) continue;
    flagged += 1;
    if (order.dispute) {
      truePositives += 1;
      leads.push((order.dispute.openedAt - first.at) / HOUR);
    }
  }
  leads.sort((a, b) => a - b);
  const precision = flagged ? truePositives / flagged : NaN;
  const recall = disputes ? truePositives / disputes : NaN;
  const early = leads.filter((h) => h >= LEAD_HOURS).length;
  return {
    cut,
    flagged,
    flaggedShare: flagged / timelines.length,
    truePositives,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : NaN,
    leadMedian: percentile(leads, 50),
    leadP10: percentile(leads, 10),
    earlyShareOfFlagged: truePositives ? early / truePositives : NaN,
    earlyRecall: disputes ? early / disputes : NaN,
  };
}

/** Dispute rate of the orders where a signal (or a reason code) appeared before the dispute, against the base rate. */
export function lift(timelines, keyOf) {
  const groups = new Map();
  let disputes = 0;
  for (const { order, scorings } of timelines) {
    if (order.dispute) disputes += 1;
    const keys = new Set(scorings.flatMap((s) => s.reasons.map(keyOf)));
    for (const key of keys) {
      const g = groups.get(key) ?? { key, orders: 0, disputes: 0, points: 0 };
      g.orders += 1;
      if (order.dispute) g.disputes += 1;
      groups.set(key, g);
    }
  }
  const base = disputes / timelines.length;
  return [...groups.values()]
    .map((g) => ({ ...g, rate: g.disputes / g.orders, lift: g.disputes / g.orders / base }))
    .sort((a, b) => b.lift - a.lift);
}
