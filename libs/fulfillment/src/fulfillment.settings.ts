import { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@tradehub/platform';
import { CarrierCatalog, DEFAULT_CARRIERS, FulfillmentPolicy, parseCarrierConfig } from './domain';

export const FULFILLMENT_POLICY = Symbol('FulfillmentPolicy');

/** FUL-1 and the FUL-3/4/5 windows, from validated configuration; a bad carrier list stops the start. */
export const fulfillmentSettings: Provider[] = [
  {
    provide: CarrierCatalog,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) =>
      new CarrierCatalog(
        config.fulfillment.carriersJson
          ? parseCarrierConfig(config.fulfillment.carriersJson, 'CARRIERS_JSON')
          : DEFAULT_CARRIERS,
      ),
  },
  {
    provide: FULFILLMENT_POLICY,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig): FulfillmentPolicy => ({
      firstScanHours: config.fulfillment.firstScanHours,
      stallHours: config.fulfillment.stallHours,
      proofReviewHours: config.fulfillment.proofReviewHours,
      maxProofBytes: config.fulfillment.maxProofBytes,
    }),
  },
];
