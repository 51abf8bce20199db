import { loadConfig, TokenService } from '@tradehub/platform';
import { dropDatabase } from '../support/database';
import { uniqueName } from '../support/env';
import { eventually } from '../support/eventually';
import { cainiaoNumber } from '../support/fulfillment';
import { paidOrder } from '../support/orders';
import { AppProcess, ensureBuilt, freePort } from '../support/processes';
import { processEnv, sharedDatabase } from '../support/split-topology';
import { T0 } from '../support/test-app';

const SECRET = 'compliance-process-test-secret-0123456789ab';

/**
 * Compliance in an OS process of its own, the other five contexts in another, sharing only the
 * Kafka broker and the PostgreSQL server: it learns from their events, and its calls to Reviews
 * (the DSR as shown) and Settlement (GMV in USD) cross processes through Kafka.
 */
describe('Compliance in its own process', () => {
  let databaseUrl: string;
  let trade: AppProcess;
  let compliance: AppProcess;
  let service: string;
  let operator: string;
  let seller: string;

  beforeAll(async () => {
    ensureBuilt();
    databaseUrl = await sharedDatabase();
    const namespace = uniqueName('cmpproc');
    const env = (contexts: string) =>
      processEnv(databaseUrl, namespace, SECRET, contexts, { TIMER_POLL_MS: '200' });
    trade = new AppProcess(await freePort(), env('orders,fulfillment,settlement,disputes,reviews'));
    compliance = new AppProcess(await freePort(), env('compliance'));
    trade.start();
    compliance.start();
    await Promise.all([trade.ready(), compliance.ready()]);
    const tokens = new TokenService(loadConfig({ AUTH_JWT_SECRET: SECRET }));
    service = await tokens.mint({ id: 'checkout', kind: 'service', stores: '*', scopes: [] });
    operator = await tokens.mint({ id: 'ops', kind: 'operator', stores: '*', scopes: [] });
    seller = await tokens.mint({ id: 'seller-x', kind: 'seller_staff', stores: ['store-x'], scopes: [] });
  }, 120_000);

  afterAll(async () => {
    const codes = await Promise.all([trade?.stop(), compliance?.stop()]);
    if (databaseUrl) await dropDatabase(databaseUrl);
    expect(codes).toEqual([0, 0]);
  });

  it('ANA-1, CMP-1, CMP-3: the figures, the score and the campaign gate come out as in one process', async () => {
    const rate = await trade.http.request('PUT', '/v1/settlement/fx-rates', {
      token: operator,
      body: { from: 'USD', to: 'CNY', rate: '7.1234', asOf: T0.toISOString() },
    });
    expect(rate.status).toBeLessThan(300);
    const placed = await trade.http.post(
      '/v1/orders',
      paidOrder({ storeId: 'store-x', paidAt: T0.toISOString() }),
      service,
    );
    expect(placed.status).toBe(201);
    const shipped = await trade.http.post(
      `/v1/orders/${placed.body.id}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() },
      seller,
    );
    expect(shipped.status).toBe(201);

    await eventually(async () => {
      const analysis = (await compliance.http.get('/v1/compliance/trade-analysis?storeId=store-x', seller))
        .body;
      expect(analysis.totals).toMatchObject({
        orders: 1,
        gmvUsdMinor: '2800',
        onTimeShipmentRate: '1.000000',
      });
    }, 30_000);
    await eventually(async () => {
      const [standing] = (await compliance.http.get('/v1/compliance/standing?storeId=store-x', seller)).body;
      expect(standing.score).toBe('100.00');
    }, 30_000);
    const gate = await compliance.http.get('/v1/compliance/campaign-eligibility/store-x', service);
    expect(gate.body).toMatchObject({ storeId: 'store-x', eligible: true, reasons: [] });
  }, 90_000);
});
