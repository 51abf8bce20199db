import { withClient } from '../support/database';
import { cainiaoNumber } from '../support/fulfillment';
import { paidOrder } from '../support/orders';
import { expectFieldProblem } from '../support/problems';
import { startTestApp, TestApp } from '../support/test-app';

describe('required nested objects and arrays are enforced: 400 naming the field, nothing stored', () => {
  let t: TestApp;
  let service: string;
  let seller: string;
  let orderId: string;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    service = await t.serviceToken();
    seller = await t.sellerToken(['store-a']);
    orderId = (await t.http.post('/v1/orders', paidOrder(), service)).body.id;
  });

  afterAll(() => t.close());

  const expectRefused = async (
    path: string,
    body: unknown,
    field: string,
    token = service,
  ): Promise<void> => {
    expectFieldProblem(await t.http.post(path, body, token), field);
  };

  const without = (key: string): Record<string, unknown> => {
    const body = paidOrder();
    delete body[key];
    return body;
  };

  it('ORD-1: an order without shippingFee or shippingAddress is refused naming the field', async () => {
    await expectRefused('/v1/orders', without('shippingFee'), 'shippingFee');
    await expectRefused('/v1/orders', without('shippingAddress'), 'shippingAddress');
    await expectRefused('/v1/orders', without('lines'), 'lines');
  });

  it('ORD-1: a line without unitPrice is refused naming lines[0].unitPrice', async () => {
    const body = paidOrder();
    delete body.lines[0].unitPrice;
    await expectRefused('/v1/orders', body, 'lines[0].unitPrice');
  });

  it('ORD-1: nested objects must be objects and lists must be lists of objects', async () => {
    const line = paidOrder().lines[0];
    await expectRefused(
      '/v1/orders',
      paidOrder({ shippingFee: [{ minor: '300', currency: 'USD' }] }),
      'shippingFee',
    );
    await expectRefused('/v1/orders', paidOrder({ shippingFee: 'USD 3' }), 'shippingFee');
    await expectRefused('/v1/orders', paidOrder({ shippingAddress: [] }), 'shippingAddress');
    await expectRefused('/v1/orders', paidOrder({ lines: [[line]] }), 'lines');
    await expectRefused('/v1/orders', paidOrder({ lines: [null] }), 'lines');
    await expectRefused('/v1/orders', paidOrder({ lines: line }), 'lines');
    await expectRefused(
      '/v1/orders',
      paidOrder({ lines: [{ ...line, unitPrice: '1250' }] }),
      'lines[0].unitPrice',
    );
  });

  it('ORD-3: presale, when present, must be an object with its shipBy', async () => {
    await expectRefused('/v1/orders', paidOrder({ presale: 'x' }), 'presale');
    await expectRefused('/v1/orders', paidOrder({ presale: [] }), 'presale');
    await expectRefused('/v1/orders', paidOrder({ presale: {} }), 'presale.shipBy');
  });

  it('FUL-1: shipment lines, when given, must be a list of objects; a batch needs a list of items', async () => {
    const shipment = { carrierCode: 'CAINIAO', trackingNumber: cainiaoNumber() };
    const line = { lineId: '1', quantity: 1 };
    const path = `/v1/orders/${orderId}/shipments`;
    await expectRefused(path, { ...shipment, lines: 'all' }, 'lines', seller);
    await expectRefused(path, { ...shipment, lines: [[line]] }, 'lines', seller);
    await expectRefused(path, { ...shipment, lines: [null] }, 'lines', seller);
    const item = { ...shipment, orderId };
    await expectRefused('/v1/shipments/batch', {}, 'items', seller);
    await expectRefused('/v1/shipments/batch', { items: item }, 'items', seller);
    await expectRefused('/v1/shipments/batch', { items: [[item]] }, 'items', seller);
    await expectRefused('/v1/shipments/batch', { items: [null] }, 'items', seller);
    await expectRefused(
      '/v1/shipments/batch',
      { items: [{ ...item, lines: [[line]] }] },
      'items[0].lines',
      seller,
    );
  });

  it('each bad field gets one clear message: "is required" when missing, else the first failing rule', async () => {
    const body = paidOrder({ paymentCountry: 'Spain' });
    delete body.buyerId;
    delete body.lines[0].sku;
    body.lines[0].title = 42;
    body.lines[0].quantity = 0;
    const response = await t.http.post('/v1/orders', body, service);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'buyerId', message: 'is required' },
      { field: 'lines[0].sku', message: 'is required' },
      { field: 'lines[0].title', message: 'must be a string' },
      { field: 'lines[0].quantity', message: 'must not be less than 1' },
      { field: 'paymentCountry', message: 'must be a valid ISO31661 Alpha2 code' },
    ]);
    expect(response.body.detail).toBe(
      'buyerId: is required; lines[0].sku: is required; lines[0].title: must be a string; ' +
        'lines[0].quantity: must not be less than 1; paymentCountry: must be a valid ISO31661 Alpha2 code',
    );
    const noFee = without('shippingFee');
    expect((await t.http.post('/v1/orders', noFee, service)).body.errors).toEqual([
      { field: 'shippingFee', message: 'is required' },
    ]);
    const feeAsText = await t.http.post('/v1/orders', paidOrder({ shippingFee: 'USD 3' }), service);
    expect(feeAsText.body.errors).toEqual([{ field: 'shippingFee', message: 'must be an object' }]);
  });

  it('nothing was stored by a refused request', async () => {
    const counts = await withClient(t.databaseUrl, async (c) => ({
      orders: Number((await c.query('select count(*) from orders.orders')).rows[0].count),
      packages: Number((await c.query('select count(*) from fulfillment.packages')).rows[0].count),
    }));
    expect(counts).toEqual({ orders: 1, packages: 0 });
  });
});
