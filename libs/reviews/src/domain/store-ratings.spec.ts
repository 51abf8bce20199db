import { DEFAULT_STRIKE_DEDUCTION, dsrFigures, positiveRate, ratingWindow } from './store-ratings';

const totals = (reviews: number, shipping: number) => ({
  reviews,
  positive: reviews,
  itemAsDescribed: reviews * 5,
  communication: reviews * 4,
  shippingSpeed: shipping,
});

describe('store ratings', () => {
  it('REV-3: positive rate is 4-5 reviews / all, exact to six places; not rated without reviews', () => {
    expect(positiveRate(189, 200)).toBe('0.945000');
    expect(positiveRate(2, 3)).toBe('0.666667');
    expect(positiveRate(0, 0)).toBeNull();
  });

  it('REV-4: each DSR dimension is the mean over the window, four places, half up; not rated without reviews', () => {
    const [item, communication, shipping] = dsrFigures(totals(3, 14), 0, DEFAULT_STRIKE_DEDUCTION);
    expect(item).toMatchObject({
      dimension: 'ITEM_AS_DESCRIBED',
      mean: '5.0000',
      shown: '5.0000',
      reviews: 3,
    });
    expect(communication).toMatchObject({ mean: '4.0000' });
    expect(shipping).toMatchObject({ mean: '4.6667', deduction: '0.0000', shown: '4.6667' });
    expect(dsrFigures(totals(0, 0), 5, DEFAULT_STRIKE_DEDUCTION)[2]).toMatchObject({
      mean: null,
      shown: null,
      deduction: '0.3000',
    });
  });

  it('REV-5: from the third strike in the window on each strike takes 0.1 off shipping speed only, never below 1.0', () => {
    const at = (strikes: number, shipping = 14) =>
      dsrFigures(totals(3, shipping), strikes, DEFAULT_STRIKE_DEDUCTION);
    expect(at(2)[2]).toMatchObject({ deduction: '0.0000', shown: '4.6667', strikes: 2 });
    expect(at(3)[2]).toMatchObject({ deduction: '0.1000', shown: '4.5667', mean: '4.6667' });
    expect(at(4)[2]).toMatchObject({ deduction: '0.2000', shown: '4.4667' });
    expect(at(4)[0]).toMatchObject({ deduction: '0.0000', shown: '5.0000' });
    expect(at(40, 3)[2]).toMatchObject({ mean: '1.0000', shown: '1.0000' });
  });

  it('REV-3: the window starts exactly `days` before now; its first day is partial', () => {
    expect(ratingWindow(new Date('2026-04-01T10:00:00Z'), 90)).toEqual({
      since: new Date('2026-01-01T10:00:00Z'),
      firstDay: '2026-01-01',
      nextDay: '2026-01-02',
      today: '2026-04-01',
    });
  });
});
