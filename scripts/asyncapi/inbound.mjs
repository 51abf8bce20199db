// The topics of other teams that tradehub consumes. Their bodies are the request DTOs of the
// matching REST endpoints; the schemas are generated from those classes' types and the examples
// are checked against them (validate.mjs), so a renamed or new field cannot go unnoticed.

export const INBOUND = [
  {
    id: 'checkoutOrderPaid',
    address: 'checkout.order-paid.v1',
    env: 'KAFKA_CHECKOUT_TOPIC',
    message: 'OrderPaid',
    file: 'libs/orders/src/commands/place-order/place-order.request.dto.ts',
    payload: 'PlaceOrderRequest',
    summary:
      'ORD-1: checkout reports a paid order; tradehub places it and publishes tradehub.orders.order-placed.',
    description: [
      'Body = the same JSON as `POST /v1/orders` (its OpenAPI schema `PlaceOrderRequest` at `/docs-json`',
      'also gives the length, format and range limits). Idempotent on `marketplaceOrderId`: the first',
      'message for a marketplace order id creates the order, any later one changes nothing.',
      '`channel` must be `marketplace`.',
    ].join(' '),
    example: {
      channel: 'marketplace',
      marketplaceOrderId: '8190123456789',
      sellerId: 'seller-42',
      mainAccountId: 'acct-7',
      storeId: 'store-es-01',
      buyerId: 'buyer-9001',
      lines: [
        {
          lineId: '1',
          sku: 'MUG-RED',
          title: 'Red mug 350 ml',
          quantity: 2,
          unitPrice: { minor: '1999', currency: 'USD' },
        },
      ],
      shippingFee: { minor: '499', currency: 'USD' },
      shippingAddress: {
        name: 'Ana García',
        line1: 'Calle Mayor 1',
        city: 'Madrid',
        postalCode: '28013',
        country: 'ES',
      },
      paymentMethod: 'CARD',
      paymentCountry: 'ES',
      paidAt: '2026-03-02T10:00:00Z',
    },
  },
  {
    id: 'logisticsTracking',
    address: 'logistics.tracking.v1',
    env: 'KAFKA_LOGISTICS_TOPIC',
    message: 'TrackingEvent',
    file: 'libs/fulfillment/src/commands/record-tracking-event/tracking-event.request.dto.ts',
    payload: 'TrackingEventRequest',
    summary:
      "The logistics team's carrier scans (FUL-3, FUL-4, FUL-7): tradehub moves every package shipped under that carrier and number.",
    description: [
      'Body = the same JSON as `POST /v1/tracking-events` (its OpenAPI schema `TrackingEventRequest` at',
      '`/docs-json` also gives the length and format limits). Idempotent on the carrier `eventId`; scans',
      'may arrive in any order and a scan for a number not shipped yet is parked until it is.',
    ].join(' '),
    example: {
      eventId: 'cn-evt-000123',
      carrierCode: 'CAINIAO',
      trackingNumber: 'LP00123456789012',
      type: 'PICKUP',
      occurredAt: '2026-03-02T15:05:00Z',
      location: 'Shenzhen sorting center',
    },
  },
];
