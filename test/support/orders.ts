let counter = 0;

/** A valid paid-order ingest body; override what the test is about. */
export function paidOrder(overrides: Record<string, unknown> = {}): Record<string, any> {
  counter += 1;
  return {
    channel: 'marketplace',
    marketplaceOrderId: `MO-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 7)}`,
    sellerId: 'seller-1',
    mainAccountId: 'acct-1',
    storeId: 'store-a',
    buyerId: `buyer-${counter}`,
    lines: [
      { sku: 'SKU-1', title: 'Phone case', quantity: 2, unitPrice: { minor: '1250', currency: 'USD' } },
    ],
    shippingFee: { minor: '300', currency: 'USD' },
    shippingAddress: {
      name: 'Ana García',
      line1: 'Calle Mayor 1',
      city: 'Madrid',
      postalCode: '28013',
      country: 'ES',
    },
    paymentMethod: 'CARD',
    paymentCountry: 'ES',
    paidAt: '2026-11-26T00:00:00.000Z',
    ...overrides,
  };
}
