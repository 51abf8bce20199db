import { disputeRate, rateWindow } from './dispute-rate';

describe('dispute rate', () => {
  it('DSP-6: disputed orders / orders, exact to six places, not rated without orders', () => {
    expect(disputeRate(40, 1250)).toBe('0.032000');
    expect(disputeRate(1, 3)).toBe('0.333333');
    expect(disputeRate(2, 3)).toBe('0.666667');
    expect(disputeRate(0, 7)).toBe('0.000000');
    expect(disputeRate(0, 0)).toBeNull();
  });

  it('DSP-6: a 90-day window is the 90 UTC days ending with today', () => {
    expect(rateWindow(new Date('2026-03-31T23:59:59Z'), 90)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
  });
});
