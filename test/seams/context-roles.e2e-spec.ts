import { FulfillmentModule } from '@tradehub/fulfillment';
import { OrdersModule } from '@tradehub/orders';
import { PlatformDatabase, UnitOfWork } from '@tradehub/platform';
import { startTestApp, TestApp } from '../support/test-app';

/** Each context's connections act as its own PostgreSQL role: a hidden cross-context query fails loudly. */
describe('context roles: a context reaches only its own schema and the platform', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
  });

  afterAll(() => t.close());

  const orders = (): UnitOfWork => t.app.select(OrdersModule).get(UnitOfWork, { strict: true });
  const fulfillment = (): UnitOfWork => t.app.select(FulfillmentModule).get(UnitOfWork, { strict: true });
  const denied = expect.objectContaining({ message: expect.stringContaining('permission denied') });

  it('Orders reads and writes its own tables and the platform, and is refused Fulfillment tables', async () => {
    await expect(orders().run((tx) => tx.query('select count(*) from orders.orders'))).resolves.toHaveLength(
      1,
    );
    await expect(
      orders().run((tx) => tx.query('select count(*) from platform.outbox')),
    ).resolves.toHaveLength(1);
    await expect(orders().run((tx) => tx.query('select 1 from fulfillment.packages'))).rejects.toEqual(
      denied,
    );
    await expect(
      orders().run((tx) => tx.query('update fulfillment.order_shipments set version = 2')),
    ).rejects.toEqual(denied);
  });

  it('Fulfillment is refused Orders tables; the platform role is refused every context', async () => {
    await expect(
      fulfillment().run((tx) => tx.query('select count(*) from fulfillment.packages')),
    ).resolves.toHaveLength(1);
    await expect(fulfillment().run((tx) => tx.query('select 1 from orders.orders'))).rejects.toEqual(denied);
    const platform = t.app.get(PlatformDatabase);
    await expect(platform.run((tx) => tx.query('select 1 from orders.orders'))).rejects.toEqual(denied);
    await expect(platform.run((tx) => tx.query('select 1 from fulfillment.packages'))).rejects.toEqual(
      denied,
    );
  });

  it('the role is a startup parameter of each connection: no statement is spent on it', async () => {
    const [row] = await orders().run((tx) =>
      tx.query<{ role: string; session: string }>('select current_user as role, session_user as session'),
    );
    expect(row.role).toBe('tradehub_orders');
    expect(row.session).not.toBe('tradehub_orders');
  });
});
