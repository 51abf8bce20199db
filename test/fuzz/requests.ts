import fc from 'fast-check';
import { mutate, mutation } from './mutate';
import { OpenApiDocument, Operation, operationsOf } from './openapi';
import {
  multipartPart,
  oddAuth,
  oddContentType,
  oddHeaders,
  Perturbation,
  perturbations,
  query,
  rawMutation,
  segments,
  validAuth,
  validHeaders,
} from './parts';
import { Body, FuzzRequest } from './request';
import { Json, validValue } from './values';

type Draft = Omit<FuzzRequest, 'index'>;

/**
 * Request `index` of the run with `seed`: a pure function of both, so any request of a run can
 * be generated again on its own (the server-issued ids it refers to may differ between runs).
 */
export function generateRequest(doc: OpenApiDocument, seed: number, index: number): FuzzRequest {
  const [draft] = fc.sample(requestArbitrary(doc), { seed: mix(seed, index), numRuns: 1 });
  return { index, ...draft };
}

const cache = new WeakMap<OpenApiDocument, fc.Arbitrary<Draft>>();

function requestArbitrary(doc: OpenApiDocument): fc.Arbitrary<Draft> {
  let arbitrary = cache.get(doc);
  if (!arbitrary) {
    const operations = operationsOf(doc);
    arbitrary = fc.oneof(...operations.map((op) => ({ arbitrary: forOperation(doc, op), weight: 10 })), {
      arbitrary: unknownRoute(operations),
      weight: 3,
    });
    cache.set(doc, arbitrary);
  }
  return arbitrary;
}

function forOperation(doc: OpenApiDocument, op: Operation): fc.Arbitrary<Draft> {
  const takesBody = !['GET', 'HEAD'].includes(op.method);
  return fc
    .record({
      perturb: perturbations,
      auth: fc.tuple(validAuth, oddAuth),
      segments: fc.tuple(segments(op, false), segments(op, true)),
      query: fc.tuple(query(doc, op.queryParams, false), query(doc, op.queryParams, true)),
      headers: fc.tuple(validHeaders, oddHeaders),
      contentType: oddContentType,
      value: op.jsonBody ? validValue(doc, op.jsonBody) : fc.constant<Json>({}),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
      raw: rawMutation,
      part: multipartPart,
    })
    .map((r) => {
      const odd = (p: Perturbation): boolean => r.perturb.includes(p);
      const notes: string[] = r.perturb.filter((p) => !['body', 'raw-body'].includes(p));
      let body: Body | null = null;
      let contentType: string | null = null;
      if (takesBody && op.multipart) {
        body = { kind: 'multipart', part: r.part };
        notes.push(`multipart:${r.part.kind}`);
      } else if (takesBody && op.jsonBody) {
        const mutated = odd('body') ? mutate(r.value, r.mutations) : { body: r.value, notes: [] };
        notes.push(...mutated.notes);
        const value = op.path === '/v1/sandbox/clock/advance' ? keepClockNear(mutated.body) : mutated.body;
        contentType = odd('content-type') ? r.contentType : 'application/json';
        if (contentType === 'application/x-www-form-urlencoded') body = { kind: 'form', value };
        else if (odd('raw-body')) {
          body = { kind: 'json', value, raw: r.raw };
          notes.push(`raw:${r.raw.kind}`);
        } else body = { kind: 'json', value };
      } else if (takesBody && odd('body')) {
        // An operation that takes no body gets one anyway.
        body = { kind: 'json', value: r.value };
        contentType = 'application/json';
        notes.push('unexpected body');
      }
      return {
        operation: op.name,
        method: op.method,
        segments: odd('path') ? r.segments[1] : r.segments[0],
        query: odd('query') ? r.query[1] : r.query[0],
        auth: odd('auth') ? r.auth[1] : r.auth[0],
        headers: odd('headers') ? r.headers[1] : r.headers[0],
        contentType,
        body,
        notes,
      };
    });
}

/**
 * The sandbox clock only moves forward and fires every timer on the way; one valid advance by
 * a year would leave the rest of the run in a far future where nothing is due. Valid advances
 * stay within an hour (`seconds`) or before 2027 (`to`); a larger one is swapped for a value
 * the API refuses (negative seconds, a target past the supported range).
 */
function keepClockNear(body: Json): Json {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const copy = { ...(body as Record<string, Json>) };
  if (typeof copy.seconds === 'number' && Number.isInteger(copy.seconds) && copy.seconds > 3600) {
    copy.seconds = -copy.seconds;
  }
  if (typeof copy.to === 'string') {
    const ms = Date.parse(copy.to);
    if (!Number.isNaN(ms) && ms > Date.UTC(2026, 11, 31)) copy.to = '9999-12-31T23:59:59Z';
  }
  return copy;
}

/** Paths and methods the document does not have: every answer must still be a problem. */
function unknownRoute(operations: Operation[]): fc.Arbitrary<Draft> {
  const paths = [...new Set(operations.map((op) => op.path))];
  return fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
      path: fc.oneof(
        fc.constantFrom(...paths).map((p) => p.replace(/\{[^}]+\}/g, '01a2157a-c8bc-764f-b248-09937b0aaf66')),
        fc.constantFrom(
          '/',
          '/v1',
          '/v2/orders',
          '/v1/orders/',
          '//v1//orders',
          '/v1/%2e%2e/docs',
          '/docs-json',
        ),
      ),
      auth: fc.oneof(validAuth, oddAuth),
    })
    .map(({ method, path, auth }) => ({
      operation: 'unknown route or method',
      method,
      segments: path.split('/').slice(1),
      query: [],
      auth,
      headers: {},
      contentType: method === 'GET' || method === 'OPTIONS' ? null : 'application/json',
      body: method === 'GET' || method === 'OPTIONS' ? null : { kind: 'json' as const, value: {} },
      notes: [`${method} ${path}`],
    }));
}

/** A well-spread 32-bit seed for request `index` of the run with `seed`. */
function mix(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) | 0;
}
