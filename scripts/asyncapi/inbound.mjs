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
  {
    id: 'buyerDisputes',
    address: 'buyers.disputes.v1',
    env: 'KAFKA_BUYER_DISPUTES_TOPIC',
    message: 'BuyerRefundRequested',
    file: 'libs/disputes/src/commands/open-request/open-request.message.ts',
    payload: 'BuyerRefundRequestedMessage',
    summary:
      "DSP-1..4: the buyer-facing team's dispute messages, told apart by `type`; a refund request opens tradehub.disputes.refund-requested.",
    description: [
      'Body = the JSON of `POST /v1/disputes/requests` plus `"type": "refund-requested"`; idempotent on the',
      "marketplace's `requestId`. The same topic carries `offer-answered` (`requestId`, `answer`: ACCEPT or",
      'DECLINE), `return-shipped` (`requestId`, `carrierCode`, `trackingNumber`) and `escalated` (`requestId`,',
      '`reason`), each with its `type`; evidence files are uploaded first (`POST /v1/disputes/evidence`).',
    ].join(' '),
    example: {
      type: 'refund-requested',
      requestId: 'rr-20260301-778899',
      orderId: '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b',
      kind: 'RETURN_AND_REFUND',
      amount: { minor: '2000', currency: 'USD' },
      reason: 'the lid arrived cracked',
      evidence: ['9f2c1a7e5b3d4c6a8e0f1b2d3c4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4'],
    },
  },
  {
    id: 'returnTracking',
    address: 'logistics.return-tracking.v1',
    env: 'KAFKA_RETURN_TRACKING_TOPIC',
    message: 'ReturnScan',
    file: 'libs/disputes/src/commands/return-tracking/return-scan.message.ts',
    payload: 'ReturnScanMessage',
    summary: "DSP-3: return parcels' scans; DELIVERED starts the seller's 48-hour inspection.",
    description: [
      'Body = the same JSON as `POST /v1/disputes/return-tracking-events`. A DELIVERED scan of a parcel',
      'on its way back to the seller starts the inspection at `occurredAt`; one of a number no request',
      'ships yet is kept until the buyer reports the shipment; other scans and repeats change nothing.',
    ].join(' '),
    example: {
      eventId: 'ret-evt-000123',
      carrierCode: 'CAINIAO',
      trackingNumber: 'LP00123456789012',
      type: 'DELIVERED',
      occurredAt: '2026-03-08T12:00:00Z',
    },
  },
  {
    id: 'buyerReviews',
    address: 'buyers.reviews.v1',
    env: 'KAFKA_BUYER_REVIEWS_TOPIC',
    message: 'BuyerReview',
    file: 'libs/reviews/src/commands/receive-review/review.message.ts',
    payload: 'ReviewMessage',
    summary:
      "REV-1: the buyer-facing team's reviews of delivered orders; each becomes tradehub.reviews.review-received.",
    description: [
      'Body = the same JSON as `POST /v1/reviews`. Idempotent on the marketplace `reviewId`; one review',
      'per order (a second is refused), only for a delivered order, ratings integers 1-5, the text in any',
      'language, kept as written, at most REVIEW_TEXT_MAX_CHARS characters.',
    ].join(' '),
    example: {
      reviewId: 'rv-20260310-5566',
      orderId: '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b',
      overall: 5,
      dsr: { itemAsDescribed: 5, communication: 4, shippingSpeed: 5 },
      text: 'Arrived quickly, exactly as pictured.',
    },
  },
];
