import fc from 'fast-check';
import { OpenApiDocument, resolve, Schema } from './openapi';

/**
 * A value only the running server can supply: the id of something it created, or a cursor it
 * issued. The generator stays pure (same seed, same requests); the runner fills these in from
 * what earlier answers returned.
 */
export class Known {
  constructor(
    readonly kind: 'id' | 'cursor',
    readonly index: number,
    /** For ids, what it should be the id of: `orderId`, `packageId`, `taskId`. */
    readonly of?: string,
  ) {}
}

/** Objects and arrays nested `depth` levels; written out as text, since JSON.stringify would recurse. */
export class Deep {
  constructor(readonly depth: number) {}
}

export type Json = null | boolean | number | string | Known | Deep | Json[] | { [key: string]: Json };

/** The sandbox clock's start in tests; valid-looking instants cluster around it. */
const T0 = Date.UTC(2026, 10, 26);
const DAY = 86_400_000;

const word = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
  minLength: 1,
  maxLength: 12,
});
const idLike = word.map((w) => `id-${w}`);
const instant = fc
  .tuple(fc.integer({ min: -10 * DAY, max: 10 * DAY }), fc.constantFrom('iso', 'seconds', 'offset'))
  .map(([offset, style]) => {
    const iso = new Date(T0 + offset).toISOString();
    if (style === 'seconds') return iso.replace(/\.\d{3}Z$/, 'Z');
    if (style === 'offset') return iso.replace('Z', '+00:00');
    return iso;
  });
export const knownId = (of: string): fc.Arbitrary<Known> => fc.nat(1000).map((i) => new Known('id', i, of));
const uuid = fc.uuid({ version: [4, 7] });

/** A value that fits the schema and looks real: names the domain knows get realistic values. */
export function validValue(doc: OpenApiDocument, raw: Schema, name = ''): fc.Arbitrary<Json> {
  const schema = resolve(doc, raw);
  if (schema.enum?.length) return fc.constantFrom(...(schema.enum as Json[]));
  const hinted = byName(name);
  if (hinted) return hinted;
  switch (schema.type) {
    case 'object':
      return objectOf(doc, schema);
    case 'array': {
      const max = Math.min(schema.maxItems ?? 3, 3);
      const min = Math.min(schema.minItems ?? 1, max);
      return fc.array(validValue(doc, schema.items ?? {}, singular(name)), {
        minLength: min,
        maxLength: max,
      });
    }
    case 'number':
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1000, 1000) });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return schema.format === 'date-time' ? instant : word;
    default:
      return schema.properties ? objectOf(doc, schema) : word;
  }
}

function objectOf(doc: OpenApiDocument, schema: Schema): fc.Arbitrary<Json> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const model = Object.fromEntries(properties.map(([key, s]) => [key, validValue(doc, s, key)]));
  const requiredKeys = properties.map(([key]) => key).filter((key) => required.has(key));
  return fc.record(model, { requiredKeys }) as fc.Arbitrary<Json>;
}

function singular(name: string): string {
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

/** Realistic values for the field names of this API, so valid-looking bodies reach the rules. */
function byName(name: string): fc.Arbitrary<Json> | null {
  switch (name) {
    case 'currency':
      return fc.oneof(
        { arbitrary: fc.constant('USD'), weight: 19 },
        { arbitrary: fc.constantFrom('EUR', 'JPY'), weight: 1 },
      );
    case 'country':
    case 'paymentCountry':
      return fc.constantFrom('ES', 'US', 'CN', 'DE', 'FR');
    case 'minor':
      return fc.integer({ min: 0, max: 999_999 }).map(String);
    case 'carrierCode':
      return fc.oneof(
        { arbitrary: fc.constant('CAINIAO'), weight: 8 },
        fc.constantFrom('YANWEN', 'DHL', 'NOPE'),
      );
    case 'trackingNumber':
      return fc.oneof(
        { arbitrary: fc.stringMatching(/^LP\d{14}$/), weight: 6 },
        fc.stringMatching(/^\d{10}$/),
        fc.stringMatching(/^[A-Z]{2}\d{9}CN$/),
      );
    case 'storeId':
      return fc.constantFrom('store-a', 'store-a', 'store-b');
    case 'orderId':
      return fc.oneof({ arbitrary: knownId('orderId'), weight: 6 }, { arbitrary: uuid, weight: 1 });
    case 'lineId':
      return fc.constantFrom('1', '2', '3');
    case 'channel':
      return fc.oneof({ arbitrary: fc.constant('marketplace'), weight: 9 }, fc.constant('shopify'));
    case 'marketplaceOrderId':
    case 'sellerId':
    case 'mainAccountId':
    case 'buyerId':
    case 'eventId':
    case 'subjectId':
    case 'actor':
      return idLike;
    case 'cursor':
      return fc.nat(1000).map((i) => new Known('cursor', i));
    case 'limit':
      return fc.integer({ min: 1, max: 200 });
    case 'quantity':
      return fc.integer({ min: 1, max: 3 });
    case 'seconds':
      return fc.integer({ min: 0, max: 3600 });
    case 'paidAt':
    case 'occurredAt':
    case 'shipBy':
    case 'paidFrom':
    case 'paidTo':
    case 'to':
      return instant;
    default:
      return null;
  }
}

/** Strings that break naive code: control characters, lone surrogates, huge, odd scripts, injections. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\udc00\ud800',
    '📦',
    '\u202etxt.exe',
    '\u200b',
    '../../etc/passwd',
    "' or 1=1 --",
    '%00',
    '<script>alert(1)</script>',
    '${jndi:ldap://x}',
    'null',
    'NaN',
    '-0',
    '1e309',
    '９９',
  ),
  fc.constantFrom(65, 201, 1001, 10_000, 100_000).map((n) => 'a'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Instants JavaScript may read that the API must refuse cleanly, and the edges it accepts. */
export const oddInstant: fc.Arbitrary<string> = fc.constantFrom(
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '1969-12-31T23:59:59Z',
  '1970-01-01T00:00:00Z',
  '2200-01-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-11-26T24:00:00Z',
  '2026-11-26T00:00:00+99:99',
  '2026-11-26',
  '2026-11-26T00:00:00',
  'now',
  '1',
);

/** Any value of any type, mostly small; for replacing a field or a whole body. */
export const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, [], {}, [null], [[]], {
    '': 1,
  }),
  oddString,
  oddInstant,
  fc.constantFrom('-1', '99999999999999999999', '9223372036854775808', '1e3', '00', '0x10', ' 1'),
  fc.integer(),
  fc.double({ noDefaultInfinity: true, noNaN: true }),
  fc.array(fc.oneof(fc.integer(), oddString), { maxLength: 4 }),
  fc.dictionary(word, fc.oneof(fc.integer(), oddString), { maxKeys: 3 }) as fc.Arbitrary<Json>,
);

/** Field names an attacker or a confused client might add. */
export const oddKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '',
    ' ',
    'id',
    'status',
    '\u0000',
    '\ud800',
    'x'.repeat(300),
  ),
  word,
);

export const anyUuid: fc.Arbitrary<string> = fc.oneof(
  uuid,
  fc.uuid(),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
);
