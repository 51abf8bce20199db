import { divideHalfEven } from './rounding';

const BPS = 10_000n;

/** The marketplace commission on an order total (basis points, rounded half-to-even). */
export function commissionOf(totalMinor: bigint, commissionBps: number): bigint {
  return divideHalfEven(totalMinor * BigInt(commissionBps), BPS);
}

/**
 * The commission given back once `refundedMinor` of the total was refunded, in all: proportional,
 * computed on the running total so partial refunds never round the seller's share below zero.
 */
export function commissionRefundedFor(
  totalMinor: bigint,
  commissionMinor: bigint,
  refundedMinor: bigint,
): bigint {
  if (totalMinor === 0n) return 0n;
  return (commissionMinor * refundedMinor) / totalMinor;
}
