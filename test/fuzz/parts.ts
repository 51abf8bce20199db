import fc from 'fast-check';
import { OpenApiDocument, Operation, Parameter } from './openapi';
import { AUTH_KINDS, AuthKind, MultipartPart, QueryPair, RawMutation, Segment } from './request';
import { anyUuid, Json, Known, knownId, oddInstant, oddString, validValue } from './values';

/**
 * What a request gets wrong on purpose. A quarter of the requests get nothing (valid-looking
 * from end to end, so they reach the rules and create things later requests find), a sixth
 * only a changed body, the rest one to three of these, so that each odd part is mostly met on
 * its own, past the checks before it.
 */
export const PERTURBATIONS = [
  'auth',
  'path',
  'query',
  'headers',
  'content-type',
  'body',
  'raw-body',
] as const;
export type Perturbation = (typeof PERTURBATIONS)[number];

export const perturbations: fc.Arbitrary<Perturbation[]> = fc.oneof(
  { arbitrary: fc.constant<Perturbation[]>([]), weight: 3 },
  { arbitrary: fc.constant<Perturbation[]>(['body']), weight: 2 },
  { arbitrary: fc.uniqueArray(fc.constantFrom(...PERTURBATIONS), { minLength: 1, maxLength: 3 }), weight: 7 },
);

const VALID_AUTH: readonly AuthKind[] = ['service', 'operator', 'seller'];
export const validAuth: fc.Arbitrary<AuthKind> = fc.oneof(
  { arbitrary: fc.constantFrom<AuthKind>('service', 'operator'), weight: 4 },
  { arbitrary: fc.constant<AuthKind>('seller'), weight: 1 },
);
/** Every other kind the runner knows, in AUTH_KINDS' order (the seeded runs stay as they were). */
export const oddAuth: fc.Arbitrary<AuthKind> = fc.constantFrom(
  ...AUTH_KINDS.filter((kind) => !VALID_AUTH.includes(kind)),
);

/** Idempotency keys from a small pool, so that retries and reuse with another body happen. */
export const validHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { arbitrary: fc.constant({}), weight: 6 },
  { arbitrary: fc.record({ 'idempotency-key': fc.constantFrom('key-1', 'key-2', 'key-3') }), weight: 1 },
  { arbitrary: fc.record({ 'idempotency-key': fc.uuid() }), weight: 2 },
);
export const oddHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    'idempotency-key': fc.constantFrom('', ' ', 'k'.repeat(256), 'é', 'key-1'),
    'x-request-id': fc.constantFrom('', 'r'.repeat(5000), 'ünïcode-latin1', "'; drop table x; --"),
    accept: fc.constantFrom('text/html', 'application/xml', '*/*;q=abc'),
  },
  { requiredKeys: [] },
);

export const oddContentType: fc.Arbitrary<string | null> = fc.constantFrom(
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/problem+json',
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/octet-stream',
  '',
  null,
);

export const rawMutation: fc.Arbitrary<RawMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), pick: fc.nat() }),
  fc.constant({ kind: 'bom' as const }),
  fc.record({
    kind: fc.constant('garbage' as const),
    text: fc.constantFrom('}', ']]', ',', 'x', '\u0000', '/*c*/'),
  }),
  fc.constant({ kind: 'invalid-utf8' as const }),
  fc.constant({ kind: 'duplicate-key' as const }),
  fc.constant({ kind: 'empty' as const }),
  fc.constant({ kind: 'whitespace' as const }),
);

export const multipartPart: fc.Arbitrary<MultipartPart> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'pdf' as const }), weight: 4 },
  fc.record({ kind: fc.constant('not-pdf' as const), text: oddString }),
  fc.constant({ kind: 'empty-file' as const }),
  fc.constant({ kind: 'no-file' as const }),
  fc.constant({ kind: 'two-files' as const }),
  fc.record({
    kind: fc.constant('odd-name' as const),
    fileName: fc.constantFrom('', '../../x.pdf', 'a'.repeat(5000), 'ü.pdf', 'a"b.pdf'),
  }),
  fc.constant({ kind: 'no-boundary' as const }),
  fc.record({ kind: fc.constant('truncated' as const), pick: fc.nat() }),
  fc.constant({ kind: 'bad-part-header' as const }),
);

export function segments(op: Operation, odd: boolean): fc.Arbitrary<Segment[]> {
  const parts = op.path.split('/').slice(1);
  return fc.tuple(
    ...parts.map((part): fc.Arbitrary<Segment> => {
      if (!part.startsWith('{')) return fc.constant(part);
      return odd ? oddPathValue : knownId(part.slice(1, -1));
    }),
  );
}

const oddPathValue: fc.Arbitrary<Segment> = fc.oneof(
  anyUuid,
  fc.constantFrom(
    'not-a-uuid',
    '01A2157A-C8BC-764F-B248-09937B0AAF66',
    '%00',
    '%E0%A4%A',
    '%ED%A0%80',
    '%2F',
    '..',
    '%20',
    'a'.repeat(3000),
    '-1',
    '0',
    '%F0%9F%93%A6',
  ),
);

export function query(doc: OpenApiDocument, params: Parameter[], odd: boolean): fc.Arbitrary<QueryPair[]> {
  const present = (arbitrary: fc.Arbitrary<QueryPair[1]>) =>
    fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary, weight: 1 });
  const pairs = params.map((p) => {
    const valid = validValue(doc, p.schema ?? {}, p.name).map(asQueryValue);
    return present(odd ? fc.oneof(valid, oddQueryValue(p.name)) : valid);
  });
  const extra = odd
    ? fc.oneof(
        fc.constant<QueryPair[]>([]),
        fc.constantFrom<QueryPair[]>(
          [['unknown', 'x']],
          [
            ['limit', '1'],
            ['limit', '2'],
          ],
          [['cursor', { raw: '%ZZ' }]],
          [['', '']],
          [['a'.repeat(2000), 'b'.repeat(6000)]],
        ),
      )
    : fc.constant<QueryPair[]>([]);
  return fc.tuple(fc.tuple(...pairs), extra).map(([values, more]) => {
    const list: QueryPair[] = [];
    values.forEach((value, i) => {
      if (value !== null) list.push([params[i].name, value]);
    });
    return [...list, ...more];
  });
}

function asQueryValue(value: Json): string | Known {
  if (value instanceof Known) return value;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function oddQueryValue(name: string): fc.Arbitrary<QueryPair[1]> {
  return fc.oneof(
    oddString.filter((s) => s.length < 6000),
    oddInstant,
    fc.constantFrom<{ raw: string }>({ raw: '%00' }, { raw: '%ED%A0%80' }, { raw: '%' }, { raw: 'a%2' }),
    name === 'cursor' ? forgedCursor : fc.constantFrom('-1', '0', '1e3', '201', 'true'),
  );
}

const base64url = (parts: unknown[]): string => Buffer.from(JSON.stringify(parts)).toString('base64url');

/** Cursors the API never issued: shaped like its own (sort, instant, id) with odd parts, or any array. */
const forgedCursor: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.option(fc.constantFrom('-paidAt', 'shipBy'), { nil: undefined }),
      fc.oneof(oddInstant, fc.constantFrom('2026-11-26T00:00:00.000Z', '9999999999999999999')),
      fc.oneof(fc.uuid({ version: [4, 7] }), fc.constant('01A2157A-C8BC-764F-B248-09937B0AAF66')),
    )
    .map(([sort, at, id]) => base64url(sort === undefined ? [at, id] : [sort, at, id])),
  fc
    .array(fc.oneof(fc.string(), fc.integer(), oddInstant, fc.uuid(), fc.constantFrom('-paidAt', 'shipBy')), {
      maxLength: 4,
    })
    .map(base64url),
);
