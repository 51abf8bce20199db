/** The durable timers a package or review task declares (FUL-3, FUL-4, FUL-5, and the shipment saga's recovery). */
export const FIRST_SCAN_TIMER = 'fulfillment.first-scan';
export const STALL_TIMER = 'fulfillment.stall';
export const PROOF_REVIEW_TIMER = 'fulfillment.proof-review-sla';
export const SHIPMENT_CONFIRMATION_TIMER = 'fulfillment.shipment-confirmation';
