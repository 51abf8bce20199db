// The hidden ground truth: buyers, orders with latent features, and whether and when a dispute
// (a return request or a refund request / dispute) opens. The scorer never sees this model: it
// sees only what the platform would (the address text, the payment, the buyer's past requests
// that have opened by the time of scoring, the two fulfillment flags). Probabilities rise with
// the features, but there are disputes without any signal and signals without any dispute, and
// some features (a fraudulent buyer, a bad mood) are invisible to the scorer altogether.
import { ADDRESS_DEFECTS, cleanAddress, COUNTRY_CODES, countrySampler, withDefects } from './addresses.mjs';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** A fixed epoch: the world starts here whatever the day the script runs. */
export const START = Date.UTC(2026, 0, 1);
export const SPAN_DAYS = 150;
/** ORD-2: the ship-by deadline after payment. */
export const SHIP_WINDOW_HOURS = 4;

const NORMAL_METHODS = [
  'CARD',
  'CARD',
  'CARD',
  'CARD',
  'APPLE_PAY',
  'GOOGLE_PAY',
  'LOCAL_WALLET',
  'BANK_TRANSFER',
];
const ABNORMAL_METHODS = ['PREPAID_CARD', 'PREPAID_CARD', 'GIFT_CARD', 'VIRTUAL_CARD'];

/**
 * Log-odds of a dispute: the base gives about 1.3% to an order with nothing wrong. Each term is
 * what the feature adds; noise is a per-order N(0, 0.6) no signal captures.
 */
export const TRUTH = {
  base: -4.3,
  address: {
    postalMissing: 1.2,
    postalInvalid: 0.9,
    poBox: 1.0,
    cityMismatch: 1.3,
    duplicatedLine: 0.2,
    streetTooShort: 1.1,
    cityMissing: 1.3,
  },
  abnormalMethod: 0.9,
  countryMismatch: 0.6,
  returnProneBuyer: 3.6,
  fraud: 2.8,
  lateShipment: 0.5,
  logisticsStalled: 1.7,
  noiseSd: 0.6,
};

const sigmoid = (x) => 1 / (1 + Math.exp(-x));

export function generateWorld(r, orderCount) {
  const pickCountry = countrySampler(r);
  const buyerCount = Math.max(1, Math.round(orderCount * 0.3));
  const buyers = Array.from({ length: buyerCount }, (_, id) => {
    const home = pickCountry();
    return {
      id,
      home,
      // Order frequency is heavy-tailed: most buyers order once or twice, a few dozens of times.
      activity: Math.exp(1.2 * r.normal()),
      returnProne: r.chance(0.05),
      prepaidUser: r.chance(0.03),
      // Pays with a card of another country (an expatriate, a card bought abroad).
      paysFrom: r.chance(0.04) ? r.pick(COUNTRY_CODES.filter((c) => c !== home.code)) : home.code,
      orders: [],
    };
  });
  const pickBuyer = r.weighted(buyers, (b) => b.activity);
  const paidTimes = Array.from({ length: orderCount }, () => START + r.next() * SPAN_DAYS * DAY).sort(
    (a, b) => a - b,
  );

  const orders = paidTimes.map((paidAt, index) => {
    const buyer = pickBuyer();
    const fraud = r.chance(0.01);
    // A gift: shipped to a friend abroad, paid at home.
    const country = r.chance(0.02) ? pickCountry() : buyer.home;
    const hasPostal = country.cities.some(([, postal]) => postal);
    const defects = new Set();
    for (const [kind, rate] of Object.entries(ADDRESS_DEFECTS)) {
      if (!hasPostal && (kind === 'postalMissing' || kind === 'postalInvalid')) continue;
      if (kind === 'postalInvalid' && defects.has('postalMissing')) continue;
      if (r.chance(fraud ? rate * 3 : rate)) defects.add(kind);
    }
    const address = withDefects(r, country, cleanAddress(r, country), defects);
    const abnormal = r.chance(fraud ? 0.5 : buyer.prepaidUser ? 0.8 : 0.01);
    const paymentMethod = r.pick(abnormal ? ABNORMAL_METHODS : NORMAL_METHODS);
    let paymentCountry = buyer.paysFrom;
    if (fraud && r.chance(0.7)) paymentCountry = r.pick(COUNTRY_CODES.filter((c) => c !== country.code));
    const countryMismatch = paymentCountry !== country.code;

    const late = r.chance(0.09);
    const shippedAt = paidAt + (late ? r.uniform(4.5, 48) : r.uniform(0.5, 3.8)) * HOUR;
    // A defect that confuses the carrier (no or a wrong postal code, a box) also stalls parcels.
    const routingTrouble = ['postalMissing', 'postalInvalid', 'poBox', 'cityMismatch'].some((d) =>
      defects.has(d),
    );
    const stalled = r.chance(0.04 + (routingTrouble ? 0.1 : 0));
    const stalledAt = stalled ? shippedAt + r.uniform(3.5, 9) * DAY : null;

    let logit = TRUTH.base + TRUTH.noiseSd * r.normal();
    for (const d of defects) logit += TRUTH.address[d];
    if (abnormal) logit += TRUTH.abnormalMethod;
    if (countryMismatch) logit += TRUTH.countryMismatch;
    if (buyer.returnProne) logit += TRUTH.returnProneBuyer;
    if (fraud) logit += TRUTH.fraud;
    if (late) logit += TRUTH.lateShipment;
    const withoutStall = sigmoid(logit);
    if (stalled) logit += TRUTH.logisticsStalled;
    const p = sigmoid(logit);

    let dispute = null;
    if (r.chance(p)) {
      // A dispute the stall caused opens after the buyer sees the parcel stop; any other opens
      // 3-25 days after payment (the parcel late, lost, or not as described on arrival).
      const stallDriven = stalled && r.chance(1 - withoutStall / p);
      const openedAt = stallDriven ? stalledAt + r.uniform(0.5, 8) * DAY : paidAt + r.uniform(3, 25) * DAY;
      const kind = r.chance(buyer.returnProne ? 0.6 : 0.35) ? 'RETURN' : 'DISPUTE';
      dispute = { openedAt, kind, stallDriven };
    }
    const order = {
      index,
      buyer,
      paidAt,
      address,
      defects,
      paymentMethod,
      paymentCountry,
      abnormal,
      countryMismatch,
      fraud,
      late,
      shipDeadlineAt: paidAt + SHIP_WINDOW_HOURS * HOUR,
      stalledAt,
      dispute,
      probability: p,
    };
    buyer.orders.push(order);
    return order;
  });
  return { buyers, orders };
}

/**
 * What the platform knows of the buyer at instant t: their other orders paid in the window before
 * t, and how many of those have a return or a refund request / dispute opened by t.
 */
export function buyerHistoryAt(order, t, windowDays) {
  const from = t - windowDays * DAY;
  const history = { orders: 0, returns: 0, disputes: 0 };
  for (const other of order.buyer.orders) {
    if (other.paidAt >= t) break; // the buyer's orders are in payment order
    if (other === order || other.paidAt < from) continue;
    history.orders += 1;
    if (other.dispute && other.dispute.openedAt <= t) {
      if (other.dispute.kind === 'RETURN') history.returns += 1;
      else history.disputes += 1;
    }
  }
  return history;
}
