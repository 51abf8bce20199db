import { strikesFallBelowAt, strikeWindowStart, thresholdReached } from './late-strike.policy';

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

describe('ORD-4, CMP-5: when the strikes flag ends', () => {
  const at = (day: number) => new Date(Date.UTC(2026, 0, 1 + day));

  it('ORD-4: three strikes in the window hold until the oldest of them leaves it; a fourth holds until the second leaves', () => {
    expect(strikesFallBelowAt([at(0), at(1), at(2)], config)).toEqual(at(90));
    expect(strikesFallBelowAt([at(0), at(1), at(2), at(5)], config)).toEqual(at(91));
    expect(strikesFallBelowAt([at(1), at(2)], config)).toBeNull();
  });
});
