import { DEFAULT_FULFILLMENT_POLICY } from './fulfillment-config';
import { firstScanDeadline, proofReviewDueAt, stallDeadline } from './package-deadlines';

const at = new Date('2026-03-01T08:00:00Z');

describe('fulfillment deadlines', () => {
  it('FUL-3: the first scan is due 24 hours after pickup by default', () => {
    expect(firstScanDeadline(at, DEFAULT_FULFILLMENT_POLICY)).toEqual(new Date('2026-03-02T08:00:00Z'));
    expect(firstScanDeadline(at, { firstScanHours: 12 })).toEqual(new Date('2026-03-01T20:00:00Z'));
  });

  it('FUL-4: a package in transit stalls 72 hours after its last activity by default', () => {
    expect(stallDeadline(at, DEFAULT_FULFILLMENT_POLICY)).toEqual(new Date('2026-03-04T08:00:00Z'));
  });

  it('FUL-5: a logistics proof is due for review 2 hours after it was submitted by default', () => {
    expect(proofReviewDueAt(at, DEFAULT_FULFILLMENT_POLICY)).toEqual(new Date('2026-03-01T10:00:00Z'));
  });

  it('FUL-5: proofs are limited to 10 MiB by default', () => {
    expect(DEFAULT_FULFILLMENT_POLICY.maxProofBytes).toBe(10_485_760);
  });
});
