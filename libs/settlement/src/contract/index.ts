/** What other contexts and teams may depend on: events on topic `tradehub.settlement.v1`. */
export const SETTLEMENT_CONTEXT = 'settlement';
