import { ConfigError } from '@tradehub/platform';
import { DEFAULT_TENDENCY_POLICY } from './domain';
import { loadTendencyPolicy, TENDENCY_SETTINGS } from './tendency.config';

describe('Negative-review tendency configuration', () => {
  it('REV-6: without settings the default policy applies', () => {
    expect(loadTendencyPolicy({})).toEqual(DEFAULT_TENDENCY_POLICY);
  });

  it('REV-6: every setting is read, the share in percent', () => {
    expect(
      loadTendencyPolicy({
        REVIEW_TENDENCY_WEIGHT_LATE_SHIPMENT: '0',
        REVIEW_TENDENCY_WEIGHT_LOGISTICS_STALLED: '20',
        REVIEW_TENDENCY_WEIGHT_OPEN_ISSUE: '60',
        REVIEW_TENDENCY_WEIGHT_BUYER_LOW_RATINGS: '100',
        REVIEW_TENDENCY_FLAG_SCORE: '70',
        REVIEW_TENDENCY_BUYER_WINDOW_DAYS: '180',
        REVIEW_TENDENCY_BUYER_MIN_LOW_RATINGS: '3',
        REVIEW_TENDENCY_BUYER_MIN_LOW_RATE_PCT: '45',
      }),
    ).toEqual({
      weights: { LATE_SHIPMENT: 0, LOGISTICS_STALLED: 20, OPEN_ISSUE: 60, BUYER_LOW_RATINGS: 100 },
      flagScore: 70,
      buyer: { windowDays: 180, minLowRatings: 3, minLowRate: 0.45 },
    });
  });

  it.each([
    ['REVIEW_TENDENCY_WEIGHT_LATE_SHIPMENT', '101'],
    ['REVIEW_TENDENCY_WEIGHT_LOGISTICS_STALLED', '-1'],
    ['REVIEW_TENDENCY_WEIGHT_OPEN_ISSUE', 'lots'],
    ['REVIEW_TENDENCY_WEIGHT_BUYER_LOW_RATINGS', '2.5'],
    ['REVIEW_TENDENCY_FLAG_SCORE', '0'],
    ['REVIEW_TENDENCY_FLAG_SCORE', '101'],
    ['REVIEW_TENDENCY_BUYER_WINDOW_DAYS', '0'],
    ['REVIEW_TENDENCY_BUYER_WINDOW_DAYS', '731'],
    ['REVIEW_TENDENCY_BUYER_MIN_LOW_RATINGS', '0'],
    ['REVIEW_TENDENCY_BUYER_MIN_LOW_RATE_PCT', '150'],
  ])('REV-6: a bad %s (%s) is refused by its name', (name, value) => {
    expect(() => loadTendencyPolicy({ [name]: value })).toThrow(ConfigError);
    expect(() => loadTendencyPolicy({ [name]: value })).toThrow(name);
  });

  it('REV-6: the settings list names every setting the loader reads, with its default', () => {
    for (const s of TENDENCY_SETTINGS) {
      expect(() => loadTendencyPolicy({ [s.name]: 'x' })).toThrow(s.name);
      expect(loadTendencyPolicy({ [s.name]: s.default })).toEqual(DEFAULT_TENDENCY_POLICY);
    }
    expect(TENDENCY_SETTINGS.map((s) => s.name)).toContain('REVIEW_TENDENCY_BUYER_WINDOW_DAYS');
  });
});
