// DSP-5 evaluation: scores a synthetic order stream with the real scorer (the compiled
// libs/disputes/src/domain/risk) and the policy the environment gives (DISPUTE_RISK_*, as the app
// reads it), against a hidden ground-truth model of when disputes open (world.mjs). Prints a
// markdown report; docs/dispute-early-warning.md records a full run.
//
//   npx nest build && node scripts/dispute-risk/evaluate.mjs
//   EVAL_ORDERS=50000 EVAL_SEED=7 DISPUTE_RISK_WEIGHT_ADDRESS=30 node scripts/dispute-risk/evaluate.mjs
//
// Each order is scored at payment (ingest), again when its ship-by deadline passes unshipped
// (ORD-2, paid + 4 h) and again when its tracking stalls (FUL-3/FUL-4, days after shipment); only
// scorings before its dispute opened count. The buyer history of each scoring is what had
// happened by then: the serial-returner signal is learned from earlier orders, not given.
// Exits non-zero when fewer orders than asked were scored, when a score is not an integer in
// 0..100, or when an address generated clean was flagged (the generator and the scorer disagree).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { atCut, LEAD_HOURS, lift } from './metrics.mjs';
import { createRandom } from './random.mjs';
import { buyerHistoryAt, generateWorld, SPAN_DAYS, TRUTH } from './world.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.TRADEHUB_DIST ?? path.join(here, '..', '..', 'dist'));

function intEnv(name, fallback, min) {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be an integer >= ${min}, got '${raw}'`);
  return value;
}

function loadScorer() {
  const entry = path.join(DIST, 'libs/disputes/src/domain/risk/index.js');
  const config = path.join(DIST, 'libs/disputes/src/risk.config.js');
  if (!existsSync(entry) || !existsSync(config)) {
    throw new Error(`${entry} not found: run \`npx nest build\` first`);
  }
  const require = createRequire(import.meta.url);
  return { ...require(entry), loadDisputeRiskPolicy: require(config).loadDisputeRiskPolicy };
}

const ORDERS = intEnv('EVAL_ORDERS', 20_000, 1);
const SEED = intEnv('EVAL_SEED', 1, 0);
const risk = loadScorer();
const policy = risk.loadDisputeRiskPolicy(process.env);

// ---- generate and score --------------------------------------------------------------------
const world = generateWorld(createRandom(SEED), ORDERS);
const badScores = [];
let scorings = 0;

function score(order, at, facts) {
  const inputs = {
    address: order.address,
    paymentMethod: order.paymentMethod,
    paymentCountry: order.paymentCountry,
    buyer: buyerHistoryAt(order, at, policy.serialReturner.windowDays),
    lateShipment: facts.late,
    logisticsStalled: facts.stalled,
  };
  const assessment = risk.assessDisputeRisk(inputs, policy);
  scorings += 1;
  if (!Number.isInteger(assessment.score) || assessment.score < 0 || assessment.score > 100) {
    badScores.push({ order: order.index, score: assessment.score });
  }
  return { at, ...assessment };
}

const timelines = world.orders.map((order) => {
  const events = [{ at: order.paidAt, late: false, stalled: false }];
  if (order.late) events.push({ at: order.shipDeadlineAt, late: true, stalled: false });
  if (order.stalledAt !== null) events.push({ at: order.stalledAt, late: order.late, stalled: true });
  const before = order.dispute ? events.filter((e) => e.at < order.dispute.openedAt) : events;
  return { order, scorings: before.map((e) => score(order, e.at, e)) };
});
const scoredOrders = timelines.filter((t) => t.scorings.length > 0).length;

// Self-check: the generator's clean addresses must read clean to the scorer.
const cleanFlagged = world.orders.filter(
  (o) => o.defects.size === 0 && risk.addressProblems(o.address).length > 0,
);

// ---- report -------------------------------------------------------------------------------
const pct = (x) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');
const num = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

const disputed = world.orders.filter((o) => o.dispute);
const out = [];
out.push('## Dispute early warning (DSP-5): evaluation');
out.push('');
out.push(
  `seed ${SEED}, ${ORDERS} orders asked, ${scoredOrders} scored (${scorings} scorings), ` +
    `${world.buyers.length} buyers, ${SPAN_DAYS} days of payments`,
);
out.push(
  `policy: weights address ${policy.weights.ADDRESS_AMBIGUOUS}, payment ${policy.weights.PAYMENT_ANOMALY}, ` +
    `serial returner ${policy.weights.SERIAL_RETURNER}, late shipment ${policy.weights.LATE_SHIPMENT}, ` +
    `logistics stalled ${policy.weights.LOGISTICS_STALLED}; medium ${policy.mediumScore}, high ${policy.highScore}; ` +
    `serial returner >= ${policy.serialReturner.minRequests} requests and >= ${Math.round(policy.serialReturner.minRate * 100)}% ` +
    `of orders in ${policy.serialReturner.windowDays} days; abnormal methods ${policy.abnormalPaymentMethods.join(', ') || 'none'}`,
);
out.push('');
out.push('### Counts');
out.push('');
const returns = disputed.filter((o) => o.dispute.kind === 'RETURN').length;
const withDefect = world.orders.filter((o) => o.defects.size > 0);
const detected = withDefect.filter((o) => risk.addressProblems(o.address).length > 0).length;
const late = world.orders.filter((o) => o.late).length;
const stalled = world.orders.filter((o) => o.stalledAt !== null).length;
// Disputes the ground truth gave no reason at all: only the base rate and the noise.
const unexplained = disputed.filter(
  (o) =>
    o.defects.size === 0 &&
    !o.abnormal &&
    !o.countryMismatch &&
    !o.fraud &&
    !o.buyer.returnProne &&
    !o.late &&
    o.stalledAt === null,
).length;
out.push(
  table(
    ['what', 'orders', 'share'],
    [
      ['orders with a dispute (any request)', disputed.length, pct(disputed.length / ORDERS)],
      ['of which return requests', returns, pct(returns / ORDERS)],
      [
        'disputes with no ground-truth feature at all',
        unexplained,
        `${pct(unexplained / disputed.length)} of disputes`,
      ],
      ['orders with a planted address defect', withDefect.length, pct(withDefect.length / ORDERS)],
      ['planted defects the address signal saw', detected, `${pct(detected / withDefect.length)} of planted`],
      [
        'clean addresses the address signal flagged (must be 0)',
        cleanFlagged.length,
        pct(cleanFlagged.length / ORDERS),
      ],
      ['late shipments (re-scored at paid + 4 h)', late, pct(late / ORDERS)],
      ['stalled parcels (re-scored at the stall)', stalled, pct(stalled / ORDERS)],
    ],
  ),
);

const head = atCut(timelines, policy.highScore);
out.push('');
out.push(`### At the policy's high cut (score >= ${policy.highScore})`);
out.push('');
out.push(
  table(
    [
      'flagged HIGH',
      'share of orders',
      'precision',
      'recall',
      'F1',
      'lead median',
      'lead p10',
      `flagged >= ${LEAD_HOURS} h before`,
      `disputes flagged >= ${LEAD_HOURS} h before`,
    ],
    [
      [
        head.flagged,
        pct(head.flaggedShare),
        pct(head.precision),
        pct(head.recall),
        num(head.f1, 3),
        `${num(head.leadMedian)} h`,
        `${num(head.leadP10)} h`,
        pct(head.earlyShareOfFlagged),
        pct(head.earlyRecall),
      ],
    ],
  ),
);
out.push('');
out.push(
  `Base rate: ${pct(disputed.length / ORDERS)} of orders dispute, so a precision of ${pct(head.precision)} is ` +
    `${num(head.precision / (disputed.length / ORDERS), 1)}x the base rate.`,
);

const levels = ['LOW', 'MEDIUM', 'HIGH'].map((level) => {
  const inLevel = timelines.filter((t) => {
    const last = t.scorings.at(-1);
    return last && last.level === level;
  });
  const d = inLevel.filter((t) => t.order.dispute).length;
  return [level, inLevel.length, pct(inLevel.length / ORDERS), d, pct(d / inLevel.length)];
});
out.push('');
out.push('### Levels (the last scoring before the dispute, or the last scoring)');
out.push('');
out.push(table(['level', 'orders', 'share', 'disputed', 'dispute rate'], levels));

out.push('');
out.push('### Sweep over the high cut');
out.push('');
const sweep = [];
for (let cut = 30; cut <= 80; cut += 5) sweep.push(atCut(timelines, cut));
out.push(
  table(
    [
      'high cut',
      'flagged',
      'share of orders',
      'precision',
      'recall',
      'F1',
      `flagged >= ${LEAD_HOURS} h before`,
      `disputes flagged >= ${LEAD_HOURS} h before`,
      'lead median',
    ],
    sweep.map((s) => [
      s.cut === policy.highScore ? `**${s.cut}**` : s.cut,
      s.flagged,
      pct(s.flaggedShare),
      pct(s.precision),
      pct(s.recall),
      num(s.f1, 3),
      pct(s.earlyShareOfFlagged),
      pct(s.earlyRecall),
      `${num(s.leadMedian)} h`,
    ]),
  ),
);

out.push('');
out.push('### Per-signal lift (orders where the signal appeared before any dispute)');
out.push('');
const liftRows = (rows) =>
  rows.map((g) => [
    g.key,
    g.orders,
    pct(g.orders / ORDERS),
    g.disputes,
    pct(g.rate),
    `${num(g.lift, 1)}x`,
    pct(g.disputes / disputed.length),
  ]);
const liftHead = [
  'signal',
  'orders',
  'share of orders',
  'disputed',
  'dispute rate',
  'lift',
  'share of disputes',
];
out.push(table(liftHead, liftRows(lift(timelines, (r) => r.signal))));
out.push('');
out.push(table(['reason code', ...liftHead.slice(1)], liftRows(lift(timelines, (r) => r.code))));
out.push('');
out.push(
  `Ground truth (hidden from the scorer, log-odds): base ${TRUTH.base}, noise sd ${TRUTH.noiseSd}, ` +
    `return-prone buyer +${TRUTH.returnProneBuyer}, fraud +${TRUTH.fraud}, stalled +${TRUTH.logisticsStalled}, ` +
    `late +${TRUTH.lateShipment}, abnormal method +${TRUTH.abnormalMethod}, country mismatch +${TRUTH.countryMismatch}, ` +
    `address ${Object.entries(TRUTH.address)
      .map(([k, v]) => `${k} +${v}`)
      .join(', ')}.`,
);

console.log(out.join('\n'));

const failures = [];
if (scoredOrders < ORDERS) failures.push(`scored ${scoredOrders} orders of ${ORDERS} asked`);
if (badScores.length > 0)
  failures.push(
    `${badScores.length} scores outside the integers 0..100, e.g. ${JSON.stringify(badScores[0])}`,
  );
if (cleanFlagged.length > 0) {
  const o = cleanFlagged[0];
  failures.push(
    `${cleanFlagged.length} clean addresses flagged, e.g. ${JSON.stringify(o.address)}: ${JSON.stringify(risk.addressProblems(o.address))}`,
  );
}
if (failures.length > 0) {
  console.error(`\nFAILED: ${failures.join('; ')}`);
  process.exit(1);
}
