/** CMP-5: how bad a raised risk is; the dashboard shows every severity red, critical first. */
export type RiskSeverity = 'low' | 'medium' | 'high' | 'critical';

/**
 * CMP-5: one of the rulebook's 17 risk types, raised about an order or a store. Every context
 * publishes its flags in this one shape (`tradehub.<context>.risk-flag-raised`), so Compliance
 * and the dashboard read them all alike.
 */
export interface RiskFlagRaisedV1 {
  /** A code from the rulebook's risk table, e.g. `LOGISTICS_STALLED`. */
  code: string;
  severity: RiskSeverity;
  storeId: string;
  /** The order concerned; null for store-level risks (e.g. LATE_SHIPMENT_STRIKES). */
  orderId: string | null;
  reason: string;
  /** The parcel concerned, for Fulfillment's flags about one package (null or absent otherwise). */
  packageId?: string | null;
}
