#!/usr/bin/env node
// `npm run asyncapi`: generates docs/asyncapi.json (AsyncAPI 3.0) from the code: the event
// catalogues of the contexts' contracts (type, payload interface, summary, example), JSON Schemas
// generated from the payload interfaces and inbound DTO classes, and the CloudEvents headers of
// the outbox relay. `--check` (part of `npm run lint`) writes nothing and fails when the committed
// file differs from what the code generates now. Both validate the document (validate.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { tsImport } from 'tsx/esm/api';
import { buildDocument, HEADER_NAMES } from './document.mjs';
import { INBOUND } from './inbound.mjs';
import { mergeSchemas, schemaGenerator } from './schemas.mjs';
import { validateDocument } from './validate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET = 'docs/asyncapi.json';

/** The contexts that publish integration events; `subjects` are the aggregate types in `ce_subject`. */
const CONTEXTS = [
  {
    context: 'orders',
    dir: 'libs/orders/src/contract',
    events: 'OrderEvents',
    catalogue: 'ORDER_EVENT_CATALOGUE',
    subjects: ['order', 'marketplace-order'],
  },
  {
    context: 'fulfillment',
    dir: 'libs/fulfillment/src/contract',
    events: 'FulfillmentEvents',
    catalogue: 'FULFILLMENT_EVENT_CATALOGUE',
    subjects: ['package', 'review-task', 'order'],
  },
  {
    context: 'settlement',
    dir: 'libs/settlement/src/contract',
    events: 'SettlementEvents',
    catalogue: 'SETTLEMENT_EVENT_CATALOGUE',
    subjects: ['order', 'withdrawal'],
  },
  {
    context: 'disputes',
    dir: 'libs/disputes/src/contract',
    events: 'DisputeEvents',
    catalogue: 'DISPUTE_EVENT_CATALOGUE',
    subjects: ['order', 'store'],
  },
  {
    context: 'reviews',
    dir: 'libs/reviews/src/contract',
    events: 'ReviewEvents',
    catalogue: 'REVIEW_EVENT_CATALOGUE',
    subjects: ['order', 'store'],
  },
  {
    context: 'compliance',
    dir: 'libs/compliance/src/contract',
    events: 'ComplianceEvents',
    catalogue: 'COMPLIANCE_EVENT_CATALOGUE',
    subjects: ['store', 'seller'],
  },
];

const load = (file) => tsImport(path.join(root, file), import.meta.url);

function fail(message) {
  throw new Error(message);
}

async function loadContext(c) {
  const events = (await load(`${c.dir}/events.ts`))[c.events] ?? fail(`${c.dir}/events.ts: no ${c.events}`);
  const catalogue =
    (await load(`${c.dir}/catalogue.ts`))[c.catalogue] ?? fail(`${c.dir}/catalogue.ts: no ${c.catalogue}`);
  // The compiler already refuses a catalogue that misses an event type; this also catches extra entries.
  const types = Object.values(events);
  const listed = Object.keys(catalogue);
  if (types.length !== listed.length || !types.every((t) => catalogue[t]?.type === t))
    fail(`${c.catalogue} must list exactly the types of ${c.events}, each under its own type`);
  return { ...c, source: `/tradehub/${c.context}`, events, catalogue };
}

/** The header schema must name exactly what the relay sends, and the body must be the documented envelope. */
async function checkWireFormat() {
  const { cloudEventHeaders, wireBody } = await load('libs/platform/src/messaging/outbox-message.ts');
  const sample = {
    ...{ seq: '1', id: 'id', topic: 'topic', key: 'key', type: 'type', schemaVersion: 1 },
    ...{ source: 'source', subject: 'subject', payloadJson: '{}', time: new Date(0).toISOString() },
  };
  const sent = Object.keys(cloudEventHeaders(sample)).sort().join(', ');
  if (sent !== [...HEADER_NAMES].sort().join(', '))
    fail(
      `the relay sends headers ${sent}; scripts/asyncapi/document.mjs documents ${HEADER_NAMES.join(', ')}`,
    );
  const body = Object.keys(JSON.parse(wireBody(sample))).join(', ');
  if (body !== 'schemaVersion, data')
    fail(`the relay's body is { ${body} }; the document says { schemaVersion, data }`);
}

async function generate() {
  process.chdir(root);
  const contexts = [];
  for (const c of CONTEXTS) contexts.push(await loadContext(c));
  await checkWireFormat();
  const files = [
    ...CONTEXTS.flatMap((c) => [`${c.dir}/events.ts`, `${c.dir}/catalogue.ts`]),
    ...INBOUND.map((t) => t.file),
  ];
  const generator = schemaGenerator(files, 'tsconfig.json');
  const published = [...new Set(contexts.flatMap((c) => Object.values(c.catalogue).map((e) => e.payload)))];
  const schemas = mergeSchemas(
    generator.generate(published, { closed: false }),
    generator.generate(
      INBOUND.map((t) => t.payload),
      { closed: true },
    ),
  );
  const document = buildDocument({ contexts, inbound: INBOUND, schemas });
  const options = (await prettier.resolveConfig(TARGET)) ?? {};
  return prettier.format(JSON.stringify(document, null, 2), { ...options, filepath: TARGET });
}

function firstDifference(a, b) {
  const [x, y] = [a.split('\n'), b.split('\n')];
  const i = x.findIndex((line, n) => line !== y[n]);
  const n = i === -1 ? x.length : i;
  return `line ${n + 1}: committed ${JSON.stringify(x[n] ?? '<end>')}, generated ${JSON.stringify(y[n] ?? '<end>')}`;
}

async function main() {
  const check = process.argv.includes('--check');
  const started = process.hrtime.bigint();
  const text = await generate();
  const target = path.join(root, TARGET);
  if (check) {
    const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (committed !== text) {
      console.error(`${TARGET} is not what the code generates now (${firstDifference(committed, text)}).`);
      console.error('Run `npm run asyncapi` and commit the result.');
      process.exitCode = 1;
      return;
    }
  } else {
    fs.writeFileSync(target, text);
  }
  const { problems, summary } = await validateDocument(text);
  for (const p of problems) console.error(`  ${p}`);
  const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
  const state = check ? 'matches the code' : 'written';
  console.log(`${TARGET} ${state}; ${problems.length ? 'INVALID' : 'valid'}: ${summary} (${ms} ms)`);
  if (problems.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
