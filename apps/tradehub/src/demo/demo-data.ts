import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, CLOCK, HOUR_MS } from '@tradehub/kernel';
import { TokenService } from '@tradehub/platform';
import { seedAccessDemo } from '@tradehub/access';

/** A seller with two main accounts and three stores. */
export const DEMO_SELLER = 'seller-demo';
export const DEMO_ACCOUNTS = {
  'acct-east': ['store-shenzhen', 'store-hangzhou'],
  'acct-west': ['store-chengdu'],
} as const;
export const DEMO_STORES = Object.values(DEMO_ACCOUNTS).flat();

/**
 * Seeds a few paid orders through the real ingest API, so the demo shows what an integrator
 * would see. Marketplace order ids are fixed: seeding again changes nothing (ORD-1).
 */
export async function seedDemoData(app: NestFastifyApplication): Promise<void> {
  // Its organisation and sign-ins first: the demo admin and operator sign in through OAuth 2.0.
  await seedAccessDemo(app, DEMO_ACCOUNTS);
  const token = await app
    .get(TokenService)
    .mint({ id: 'demo-seeder', kind: 'service', stores: '*', scopes: [] });
  const now = app.get<Clock>(CLOCK).now().getTime();
  let n = 0;
  for (const [mainAccountId, stores] of Object.entries(DEMO_ACCOUNTS)) {
    for (const storeId of stores) {
      for (let i = 0; i < 3; i++) {
        n += 1;
        const presale = i === 2;
        const response = await app.inject({
          method: 'POST',
          url: '/v1/orders',
          headers: { authorization: `Bearer ${token}` },
          payload: {
            channel: 'marketplace',
            marketplaceOrderId: `DEMO-${String(n).padStart(4, '0')}`,
            sellerId: DEMO_SELLER,
            mainAccountId,
            storeId,
            buyerId: `buyer-${n}`,
            lines: [
              {
                sku: `SKU-${n}`,
                title: `Demo item ${n}`,
                quantity: 1 + (n % 3),
                unitPrice: { minor: String(999 + n * 250), currency: 'USD' },
              },
            ],
            shippingFee: { minor: '299', currency: 'USD' },
            shippingAddress: {
              name: `Buyer ${n}`,
              line1: `${n} Calle Mayor`,
              city: 'Madrid',
              postalCode: '28013',
              country: 'ES',
            },
            paymentMethod: 'CARD',
            paymentCountry: 'ES',
            paidAt: new Date(now - n * 0.5 * HOUR_MS).toISOString(),
            ...(presale ? { presale: { shipBy: new Date(now + 10 * 24 * HOUR_MS).toISOString() } } : {}),
          },
        });
        if (response.statusCode >= 300) throw new Error(`demo order ${n} refused: ${response.body}`);
      }
    }
  }
}
