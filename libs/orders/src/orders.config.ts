import { Provider } from '@nestjs/common';
import { APP_ENV, Env, int, positive, text } from '@tradehub/platform';

/** The Orders rules' numbers marked *(config)* in RULES.md, and the topic Orders reads paid orders from. */
export interface OrdersConfig {
  /** ORD-2 */ shipWindowHours: number;
  /** ORD-2 */ shipWarningHours: number;
  /** ORD-4 */ lateStrikeWindowDays: number;
  /** ORD-4 */ lateStrikeThreshold: number;
  /** ORD-1: checkout's paid orders. */
  checkoutTopic: string;
}

export const ORDERS_CONFIG = Symbol('OrdersConfig');

export function loadOrdersConfig(env: Env): OrdersConfig {
  return {
    shipWindowHours: positive(env, 'ORDER_SHIP_WINDOW_HOURS', 4),
    shipWarningHours: positive(env, 'ORDER_SHIP_WARNING_HOURS', 1),
    lateStrikeWindowDays: int(env, 'LATE_STRIKE_WINDOW_DAYS', 90, 1),
    lateStrikeThreshold: int(env, 'LATE_STRIKE_THRESHOLD', 3, 1),
    checkoutTopic: text(env, 'KAFKA_CHECKOUT_TOPIC', 'checkout.order-paid.v1'),
  };
}

export const ordersConfig: Provider = {
  provide: ORDERS_CONFIG,
  inject: [APP_ENV],
  useFactory: loadOrdersConfig,
};
