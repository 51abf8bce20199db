import { ConfigError } from '@tradehub/platform';
import { loadOrdersConfig } from './orders.config';

describe('Orders configuration', () => {
  it('ORD-2, ORD-4: defaults follow the rulebook (4 h window, 1 h warning; 3 strikes in 90 days)', () => {
    expect(loadOrdersConfig({})).toEqual({
      shipWindowHours: 4,
      shipWarningHours: 1,
      lateStrikeWindowDays: 90,
      lateStrikeThreshold: 3,
      checkoutTopic: 'checkout.order-paid.v1',
    });
  });

  it('a bad value is refused by its name', () => {
    expect(() => loadOrdersConfig({ ORDER_SHIP_WINDOW_HOURS: 'soon' })).toThrow(ConfigError);
    expect(() => loadOrdersConfig({ ORDER_SHIP_WINDOW_HOURS: 'soon' })).toThrow(/ORDER_SHIP_WINDOW_HOURS/);
  });
});
