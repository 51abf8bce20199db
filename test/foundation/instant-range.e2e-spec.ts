import { paidOrder } from '../support/orders';
import { expectFieldProblem } from '../support/problems';
import { startTestApp, TestApp } from '../support/test-app';

/** JavaScript reads these; PostgreSQL cannot store them, or a deadline derived from them. */
const OUT_OF_RANGE = [
  '0000-01-01T00:00:00Z',
  '1969-12-31T23:59:59Z',
  '2200-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
];

describe('one supported instant range (1970 to 2200) for every instant entering the API', () => {
  let t: TestApp;
  let service: string;
  let operator: string;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    service = await t.serviceToken();
    operator = await t.operatorToken();
  });

  afterAll(() => t.close());

  const expectRefused = async (
    response: { status: number; headers: Headers; body: any },
    field: string,
    status = 400,
  ): Promise<void> => {
    expectFieldProblem(response, field, status);
    expect(response.body.errors).toHaveLength(1);
  };

  it('ORD-1: an order paid outside the range is refused naming paidAt; its edges are accepted', async () => {
    for (const paidAt of OUT_OF_RANGE) {
      await expectRefused(await t.http.post('/v1/orders', paidOrder({ paidAt }), service), 'paidAt');
    }
    for (const paidAt of ['1970-01-01T00:00:00Z', '2199-12-31T23:59:59.999Z']) {
      expect((await t.http.post('/v1/orders', paidOrder({ paidAt }), service)).status).toBe(201);
    }
  });

  it('ORD-6: ship-by deadlines derived from the last accepted instants still page by cursor', async () => {
    const late = await t.token({ kind: 'seller_staff', id: 'late-seller', stores: ['store-late'] });
    for (const minute of ['57', '58', '59']) {
      const paidAt = `2199-12-31T23:${minute}:00.000Z`;
      expect(
        (await t.http.post('/v1/orders', paidOrder({ storeId: 'store-late', paidAt }), service)).status,
      ).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: any } = await t.http.get(
        `/v1/orders?sort=shipBy&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        late,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((o: { deadlines: { shipBy: string } }) => o.deadlines.shipBy));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      '2200-01-01T03:57:00.000Z',
      '2200-01-01T03:58:00.000Z',
      '2200-01-01T03:59:00.000Z',
    ]);
  });

  it('ORD-3: a presale ship-by outside the range is refused naming presale.shipBy', async () => {
    const response = await t.http.post(
      '/v1/orders',
      paidOrder({ presale: { shipBy: '9999-12-31T23:59:59Z' } }),
      service,
    );
    await expectRefused(response, 'presale.shipBy');
  });

  it('FUL-3: a carrier scan dated outside the range is refused naming occurredAt', async () => {
    for (const occurredAt of OUT_OF_RANGE) {
      const response = await t.http.post(
        '/v1/tracking-events',
        {
          eventId: `ev-${occurredAt}`,
          carrierCode: 'CAINIAO',
          trackingNumber: 'LP00123456789012',
          type: 'PICKUP',
          occurredAt,
        },
        service,
      );
      await expectRefused(response, 'occurredAt');
    }
  });

  it('ORD-6: list filters outside the range are refused naming paidFrom / paidTo', async () => {
    for (const at of OUT_OF_RANGE) {
      await expectRefused(await t.http.get(`/v1/orders?paidFrom=${at}`, service), 'paidFrom');
      await expectRefused(await t.http.get(`/v1/orders?paidTo=${at}`, service), 'paidTo');
    }
    expect((await t.http.get('/v1/orders?paidFrom=1970-01-01T00:00:00Z', service)).status).toBe(200);
  });

  it('the OpenAPI document gives every instant field its format and the supported range', async () => {
    const schemas = (await t.http.get('/docs-json')).body.components.schemas;
    for (const [schema, field] of [
      ['PlaceOrderRequest', 'paidAt'],
      ['PresaleRequest', 'shipBy'],
      ['TrackingEventRequest', 'occurredAt'],
      ['AdvanceClockRequest', 'to'],
    ]) {
      expect(schemas[schema].properties[field]).toMatchObject({
        type: 'string',
        format: 'date-time',
        description: expect.stringContaining(
          'from 1970-01-01T00:00:00Z up to, not including, 2200-01-01T00:00:00Z',
        ),
      });
    }
  });

  it('sandbox: the clock never leaves the range, and refusing a target leaves it working', async () => {
    const advance = (body: object) => t.http.post('/v1/sandbox/clock/advance', body, operator);
    for (const to of ['2200-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
      await expectRefused(await advance({ to }), 'to');
    }
    expect((await advance({ to: '2199-12-31T00:00:00Z' })).status).toBe(200);
    const tooFar = await advance({ seconds: 2 * 24 * 3600 });
    expect(tooFar.status).toBeGreaterThanOrEqual(400);
    expect(tooFar.status).toBeLessThan(500);
    await expectRefused(tooFar, 'seconds', tooFar.status);
    const next = await advance({ seconds: 60 });
    expect(next.status).toBe(200);
    expect(next.body.now).toBe('2199-12-31T00:01:00.000Z');
  });
});
