import { strikeWindowStart, thresholdReached } from './late-strike.policy';

const config = { lateStrikeWindowDays: 90, lateStrikeThreshold: 3 };

describe('late-shipment strikes', () => {
  it('ORD-4: strikes count over a rolling 90-day window', () => {
    expect(strikeWindowStart(new Date('2026-11-26T04:00:00.000Z'), config).toISOString()).toBe(
      '2026-08-28T04:00:00.000Z',
    );
  });

  it('ORD-4: the third strike reaches the threshold, the first two do not', () => {
    expect([1, 2, 3, 4].map((n) => thresholdReached(n, config))).toEqual([false, false, true, true]);
  });
});
