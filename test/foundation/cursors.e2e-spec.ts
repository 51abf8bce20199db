import { randomUUID } from 'node:crypto';
import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = 'application/problem+json';
const forge = (parts: unknown[]): string => Buffer.from(JSON.stringify(parts)).toString('base64url');

/** Time parts `Date.parse` reads but no list ever issues (it issues `toISOString()` of instants it stores). */
const FOREIGN_TIMES = [
  '1',
  '2026',
  'Nov 26 2026',
  '2026-11-26',
  '2026-11-26T00:00:00Z',
  '2026-11-26T01:00:00.000+01:00',
  '0000-01-01T00:00:00.000Z',
  '1969-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59.000Z',
  '+020000-01-01T00:00:00.000Z',
];

describe('ORD-6 a list cursor is refused (400 naming cursor) unless it is exactly what the API issued', () => {
  let t: TestApp;
  let service: string;
  let operator: string;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    service = await t.serviceToken();
    operator = await t.operatorToken();
    for (const minute of [1, 2, 3]) {
      await t.http.post('/v1/orders', paidOrder({ paidAt: `2026-11-26T00:0${minute}:00.000Z` }), service);
    }
  });

  afterAll(() => t.close());

  const expectCursorRefused = async (path: string): Promise<void> => {
    const response = await t.http.get(path, operator);
    expect({ path, status: response.status }).toEqual({ path, status: 400 });
    expect(response.headers.get('content-type')).toContain(PROBLEM);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  };

  it('ORD-6: a time part that Date.parse accepts but the API never issues is refused on orders and review tasks', async () => {
    for (const at of FOREIGN_TIMES) {
      await expectCursorRefused(`/v1/orders?cursor=${forge(['-paidAt', at, randomUUID()])}`);
      await expectCursorRefused(`/v1/orders?sort=shipBy&cursor=${forge(['shipBy', at, randomUUID()])}`);
      await expectCursorRefused(`/v1/review-tasks?cursor=${forge([at, randomUUID()])}`);
    }
  });

  it('ORD-6: an issued cursor pages on; the same cursor re-encoded, padded or extended is refused', async () => {
    const first = await t.http.get('/v1/orders?limit=1', service);
    const issued: string = first.body.nextCursor;
    const next = await t.http.get(`/v1/orders?limit=1&cursor=${issued}`, service);
    expect(next.status).toBe(200);
    expect(next.body.items).toHaveLength(1);
    const [sort, at, id] = JSON.parse(Buffer.from(issued, 'base64url').toString('utf8'));
    await expectCursorRefused(
      `/v1/orders?cursor=${Buffer.from(JSON.stringify([sort, at, id])).toString('base64')}=`,
    );
    await expectCursorRefused(`/v1/orders?cursor=${issued}.`);
    await expectCursorRefused(`/v1/orders?cursor=${forge([sort, at, id, 'extra'])}`);
    await expectCursorRefused(`/v1/orders?cursor=${forge([sort, at, id.toUpperCase()])}`);
    await expectCursorRefused(`/v1/orders?cursor=${'A'.repeat(5000)}`);
  });

  it('CMP-6: an audit-log cursor must be one sequence number inside the bigint range', async () => {
    const first = await t.http.get('/v1/audit-log?limit=1', operator);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect((await t.http.get(`/v1/audit-log?limit=1&cursor=${first.body.nextCursor}`, operator)).status).toBe(
      200,
    );
    for (const parts of [['9999999999999999999'], ['9223372036854775808'], ['2', 'extra'], [2], ['02'], []]) {
      await expectCursorRefused(`/v1/audit-log?cursor=${forge(parts)}`);
    }
  });
});
