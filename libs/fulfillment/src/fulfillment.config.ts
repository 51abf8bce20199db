import { Provider } from '@nestjs/common';
import { APP_ENV, Env, int, positive, text } from '@tradehub/platform';
import { CarrierCatalog, DEFAULT_CARRIERS, FulfillmentPolicy, parseCarrierConfig } from './domain';

export const FULFILLMENT_POLICY = Symbol('FulfillmentPolicy');
export const LOGISTICS_TOPIC = Symbol('LogisticsTopic');

/** FUL-3/4/5 windows and the saga's recovery delay, read from the environment with the rulebook's defaults. */
export function loadFulfillmentPolicy(env: Env): FulfillmentPolicy {
  return {
    firstScanHours: positive(env, 'FIRST_SCAN_HOURS', 24),
    stallHours: positive(env, 'STALL_HOURS', 72),
    proofReviewHours: positive(env, 'PROOF_REVIEW_HOURS', 2),
    maxProofBytes: int(env, 'PROOF_MAX_BYTES', 10 * 1024 * 1024, 1024),
    confirmRecoverySeconds: int(env, 'SHIPMENT_CONFIRM_RECOVERY_SECONDS', 30, 1),
  };
}

/** FUL-1 and the FUL-3/4/5 windows, from validated configuration; a bad carrier list stops the start. */
export const fulfillmentConfig: Provider[] = [
  {
    provide: CarrierCatalog,
    inject: [APP_ENV],
    useFactory: (env: Env) =>
      new CarrierCatalog(
        env.CARRIERS_JSON ? parseCarrierConfig(env.CARRIERS_JSON, 'CARRIERS_JSON') : DEFAULT_CARRIERS,
      ),
  },
  { provide: FULFILLMENT_POLICY, inject: [APP_ENV], useFactory: loadFulfillmentPolicy },
  {
    provide: LOGISTICS_TOPIC,
    inject: [APP_ENV],
    useFactory: (env: Env) => text(env, 'KAFKA_LOGISTICS_TOPIC', 'logistics.tracking.v1'),
  },
];
