/** The console's routes; tradehub answers index.html for each of them. */
export const PATHS = {
  landing: '/console/',
  callback: '/console/callback',
  orders: '/console/orders',
} as const;
