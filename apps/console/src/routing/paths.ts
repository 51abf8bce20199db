/** The console's routes; tradehub answers index.html for each of them. */
export const PATHS = {
  landing: '/console/',
  callback: '/console/callback',
  orders: '/console/orders',
  reviewQueue: '/console/review-queue',
  money: '/console/money',
  health: '/console/health',
  reviews: '/console/reviews',
  connectedApps: '/console/connected-apps',
  heldSettlements: '/console/held-settlements',
  arbitration: '/console/arbitration',
  fakeShipments: '/console/fake-shipments',
  partnerApps: '/console/partner-apps',
  sandboxClock: '/console/sandbox-clock',
} as const;

const ORDER_PAGE = /^\/console\/orders\/([0-9a-f-]{36})$/i;

/** One order's page. */
export const orderPath = (orderId: string): string => `${PATHS.orders}/${encodeURIComponent(orderId)}`;

/** The order id of an order page's path, or null. */
export const orderIdOf = (path: string): string | null => ORDER_PAGE.exec(path)?.[1] ?? null;
