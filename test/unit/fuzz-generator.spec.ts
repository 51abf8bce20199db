import { serialize } from '../fuzz/encode';
import { mutate } from '../fuzz/mutate';
import { OpenApiDocument } from '../fuzz/openapi';
import { generateRequest } from '../fuzz/requests';
import { Json } from '../fuzz/values';

/** A small document of the shapes the API uses: a nested JSON body, a path id, query filters. */
const doc: OpenApiDocument = {
  paths: {
    '/v1/things': {
      post: {
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
        security: [{ bearer: [] }],
      },
      get: {
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'number', minimum: 1, maximum: 200 } },
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
        ],
      },
    },
    '/v1/things/{thingId}': { get: { parameters: [{ name: 'thingId', in: 'path', required: true }] } },
  },
  components: {
    schemas: {
      Money: { type: 'object', properties: { minor: { type: 'string' }, currency: { type: 'string' } } },
      Thing: {
        type: 'object',
        required: ['name', 'price', 'paidAt'],
        properties: {
          name: { type: 'string' },
          price: { $ref: '#/components/schemas/Money' },
          paidAt: { type: 'string', format: 'date-time' },
          tags: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
};

const text = (seed: number, index: number): string => {
  const request = generateRequest(doc, seed, index);
  const body = request.body?.kind === 'json' ? serialize(request.body.value, () => 'known') : null;
  return JSON.stringify({ ...request, body, segments: request.segments.map(String) });
};

describe('fuzz request generator', () => {
  it('request i of a seed is the same whenever and in whatever order it is generated', () => {
    const first = Array.from({ length: 300 }, (_, i) => text(42, i));
    const again = Array.from({ length: 300 }, (_, i) => 299 - i)
      .map((i) => text(42, i))
      .reverse();
    expect(again).toEqual(first);
    expect(text(43, 0)).not.toEqual(first[0]);
  });

  it('covers every operation and perturbs some requests while leaving others valid-looking', () => {
    const requests = Array.from({ length: 500 }, (_, i) => generateRequest(doc, 7, i));
    const operations = new Set(requests.map((r) => r.operation));
    expect(operations).toEqual(
      new Set(['GET /v1/things', 'POST /v1/things', 'GET /v1/things/{thingId}', 'unknown route or method']),
    );
    expect(requests.some((r) => r.notes.length === 0)).toBe(true);
    expect(requests.some((r) => r.notes.some((n) => n.startsWith('deep(')))).toBe(true);
    expect(requests.some((r) => r.auth === 'none')).toBe(true);
  });

  it('a mutation never changes a value it inserts: fast-check hands out its constants by reference', () => {
    const shared: Json = {};
    const { body } = mutate({ a: 1 }, [
      { kind: 'replace', pick: 1, value: shared },
      { kind: 'extra', pick: 1, key: 'x', value: shared },
    ]);
    expect(shared).toEqual({});
    expect(serialize(body, () => '')).toBe('{"a":{"x":{}}}');
  });
});
