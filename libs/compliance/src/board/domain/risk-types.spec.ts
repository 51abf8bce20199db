import { flagInputProblem } from './board-flag-input';
import { moreSevere, RISK_CODES, RISK_TYPES, riskTypeNamed, riskTypeOf } from './risk-types';

describe('CMP-5: the 17 risk types', () => {
  it("CMP-5: the table is the rulebook's, numbered 1-17 in its order", () => {
    expect(RISK_TYPES.map((t) => `${t.number} ${t.code}`)).toEqual([
      '1 SHIP_DEADLINE_NEAR',
      '2 SHIP_DEADLINE_MISSED',
      '3 LATE_SHIPMENT_STRIKES',
      '4 INVALID_TRACKING_NUMBER',
      '5 NO_FIRST_SCAN',
      '6 LOGISTICS_STALLED',
      '7 PROOF_REVIEW_OVERDUE',
      '8 FAKE_SHIPMENT_SUSPECTED',
      '9 REFUND_RESPONSE_DUE',
      '10 RETURN_INSPECTION_DUE',
      '11 ADDRESS_AMBIGUOUS',
      '12 PAYMENT_ANOMALY',
      '13 SERIAL_RETURNER',
      '14 NEGATIVE_REVIEW_TENDENCY',
      '15 DISPUTE_RATE_HIGH',
      '16 SLOW_FULFILLMENT_SHARE_HIGH',
      '17 DSR_BELOW_CAMPAIGN_BAR',
    ]);
    expect(new Set(RISK_CODES).size).toBe(17);
  });

  it("CMP-5: each type's default severity is what its context documents; Compliance's own 15-17 are high", () => {
    const severity = Object.fromEntries(RISK_TYPES.map((t) => [t.code, t.defaultSeverity]));
    expect(severity).toMatchObject({
      SHIP_DEADLINE_NEAR: 'medium',
      SHIP_DEADLINE_MISSED: 'high',
      LATE_SHIPMENT_STRIKES: 'high',
      LOGISTICS_STALLED: 'high',
      FAKE_SHIPMENT_SUSPECTED: 'critical',
      REFUND_RESPONSE_DUE: 'high',
      NEGATIVE_REVIEW_TENDENCY: 'medium',
      DISPUTE_RATE_HIGH: 'high',
      SLOW_FULFILLMENT_SHARE_HIGH: 'high',
      DSR_BELOW_CAMPAIGN_BAR: 'high',
    });
  });

  it('CMP-5: a type is found by code or by number; anything else names none', () => {
    expect(riskTypeOf('LOGISTICS_STALLED')?.number).toBe(6);
    expect(riskTypeNamed('6')?.code).toBe('LOGISTICS_STALLED');
    expect(riskTypeNamed('17')?.code).toBe('DSR_BELOW_CAMPAIGN_BAR');
    expect(riskTypeNamed('NO_FIRST_SCAN')?.number).toBe(5);
    for (const bad of ['0', '18', '-1', 'logistics_stalled', 'MOON_PHASE', '', 'toString'])
      expect(riskTypeNamed(bad)).toBeNull();
  });

  it('CMP-5: severities rank low < medium < high < critical', () => {
    expect(moreSevere('critical', 'high')).toBe(true);
    expect(moreSevere('high', 'high')).toBe(false);
    expect(moreSevere('low', 'medium')).toBe(false);
  });
});

describe('CMP-5: what the board refuses', () => {
  const order = '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b';
  const ok = { code: 'SHIP_DEADLINE_NEAR', storeId: 'store-a', orderId: order, reason: 'soon' };

  it('CMP-5: a flag of the 17 with a store and an order (or none) is taken', () => {
    expect(flagInputProblem(ok)).toBeNull();
    expect(
      flagInputProblem({ ...ok, code: 'DISPUTE_RATE_HIGH', orderId: null, severity: 'high' }),
    ).toBeNull();
    expect(flagInputProblem({ ...ok, code: 'NO_FIRST_SCAN', packageId: order })).toBeNull();
  });

  it.each([
    ['code', { code: 'MOON_PHASE' }],
    ['code', { code: 6 }],
    ['storeId', { storeId: '' }],
    ['storeId', { storeId: 'x'.repeat(65) }],
    ['orderId', { orderId: 'not-an-order' }],
    ['orderId', { orderId: undefined }],
    ['packageId', { packageId: '42' }],
    ['severity', { severity: 'red' }],
    ['reason', { reason: 42 }],
  ])('CMP-5: a bad %s is named', (field, change) => {
    expect(flagInputProblem({ ...ok, ...change })?.field).toBe(field);
  });
});
