import { DEFAULT_SCHEDULE, releaseDueAt, reviewStartsAt } from './settlement-schedule';

const at = (iso: string) => new Date(iso);

describe('settlement schedule', () => {
  it('SET-2: the review starts at 00:00 UTC of day 5 after the delivery date, even for a delivery at 23:59:59', () => {
    expect(reviewStartsAt(at('2026-03-01T23:59:59Z'), DEFAULT_SCHEDULE)).toEqual(at('2026-03-06T00:00:00Z'));
    expect(reviewStartsAt(at('2026-03-01T00:00:00Z'), DEFAULT_SCHEDULE)).toEqual(at('2026-03-06T00:00:00Z'));
    expect(reviewStartsAt(at('2026-03-02T00:00:00Z'), DEFAULT_SCHEDULE)).toEqual(at('2026-03-07T00:00:00Z'));
  });

  it('SET-3: the release is due at 10:00 UTC of day 7 after the delivery date', () => {
    expect(releaseDueAt(at('2026-03-01T23:59:59Z'), DEFAULT_SCHEDULE)).toEqual(at('2026-03-08T10:00:00Z'));
    expect(releaseDueAt(at('2026-02-27T12:00:00Z'), DEFAULT_SCHEDULE)).toEqual(at('2026-03-06T10:00:00Z'));
  });
});
