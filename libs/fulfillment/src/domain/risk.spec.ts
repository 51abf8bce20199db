import { FulfillmentEvents } from '../contract';
import { DEFAULT_RISK_SEVERITY, FULFILLMENT_RISK_CODES, riskFlagRaised } from './risk';

const now = new Date('2026-03-01T08:00:00Z');

describe('riskFlagRaised', () => {
  it('FUL-2: builds an INVALID_TRACKING_NUMBER flag without an aggregate, keyed by order', () => {
    const event = riskFlagRaised(
      {
        code: 'INVALID_TRACKING_NUMBER',
        storeId: 'store-1',
        orderId: 'order-1',
        packageId: null,
        reason: 'does not match DHL',
      },
      now,
    );
    expect(event).toEqual({
      type: FulfillmentEvents.RiskFlagRaised,
      schemaVersion: 1,
      context: 'fulfillment',
      aggregateType: 'package',
      aggregateId: 'order-1',
      occurredAt: now,
      payload: {
        code: 'INVALID_TRACKING_NUMBER',
        severity: 'medium',
        storeId: 'store-1',
        orderId: 'order-1',
        reason: 'does not match DHL',
        packageId: null,
      },
    });
  });

  it('FUL-6: the caller may raise the severity', () => {
    const event = riskFlagRaised(
      {
        code: 'FAKE_SHIPMENT_SUSPECTED',
        storeId: 's',
        orderId: 'o',
        packageId: 'p',
        reason: 'r',
        severity: 'high',
      },
      now,
      'review-task',
    );
    expect(event.payload).toMatchObject({ severity: 'high', packageId: 'p' });
    expect(event.aggregateType).toBe('review-task');
  });

  it("FUL-2..FUL-6: the codes and numbers are the rulebook's risk types 4 to 8, each with a severity", () => {
    expect(FULFILLMENT_RISK_CODES).toEqual({
      INVALID_TRACKING_NUMBER: 4,
      NO_FIRST_SCAN: 5,
      LOGISTICS_STALLED: 6,
      PROOF_REVIEW_OVERDUE: 7,
      FAKE_SHIPMENT_SUSPECTED: 8,
    });
    expect(Object.keys(DEFAULT_RISK_SEVERITY)).toEqual(Object.keys(FULFILLMENT_RISK_CODES));
  });
});
