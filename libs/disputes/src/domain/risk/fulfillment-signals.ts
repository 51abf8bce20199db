import { Finding } from './capped-points';

/**
 * DSP-5: the two fulfillment signals, each worth its whole weight: a missed ship-by deadline
 * (ORD-2) and a package without tracking progress (FUL-3 no first scan, FUL-4 stalled). They come
 * later than the ingest signals, but late and silent parcels are what "not received" disputes are
 * made of.
 */
export function lateShipmentFindings(lateShipment: boolean): Finding[] {
  return lateShipment
    ? [{ code: 'LATE_SHIPMENT', message: 'The order was not shipped by its ship-by deadline', severity: 1 }]
    : [];
}

export function logisticsStalledFindings(logisticsStalled: boolean): Finding[] {
  return logisticsStalled
    ? [
        {
          code: 'LOGISTICS_STALLED',
          message: 'The parcel has no recent tracking update: the buyer cannot see it moving',
          severity: 1,
        },
      ]
    : [];
}
