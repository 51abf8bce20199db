import {
  canTransition,
  IN_TRANSIT_STATUSES,
  LOGISTICS_STATUSES,
  LOGISTICS_TRANSITIONS,
  LogisticsStatus,
  progressStatus,
  STATUS_FOR_EVENT,
  TRACKING_EVENT_TYPES,
} from './logistics-status';

/** Every allowed move, written out once so a change to the table is a visible change here. */
const ALLOWED: [LogisticsStatus, LogisticsStatus][] = [
  ['SHIPPED', 'PICKED_UP'],
  ['SHIPPED', 'IN_TRANSIT'],
  ['SHIPPED', 'EXCEPTION'],
  ['SHIPPED', 'DELIVERED'],
  ['PICKED_UP', 'IN_TRANSIT'],
  ['PICKED_UP', 'EXCEPTION'],
  ['PICKED_UP', 'DELIVERED'],
  ['IN_TRANSIT', 'EXCEPTION'],
  ['IN_TRANSIT', 'DELIVERED'],
  ['EXCEPTION', 'IN_TRANSIT'],
  ['EXCEPTION', 'DELIVERED'],
];

const allPairs = LOGISTICS_STATUSES.flatMap((from) => LOGISTICS_STATUSES.map((to) => [from, to] as const));

describe('logistics status machine', () => {
  it.each(allPairs)('FUL-7: %s -> %s is allowed only if listed', (from, to) => {
    const listed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canTransition(from, to)).toBe(listed);
  });

  it('FUL-7: the table lists exactly the allowed moves and DELIVERED is final', () => {
    const table = Object.entries(LOGISTICS_TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => [from, to]));
    expect(table).toEqual(ALLOWED);
    expect(LOGISTICS_TRANSITIONS.DELIVERED).toEqual([]);
  });

  it('FUL-3: every tracking event type maps to a status', () => {
    expect(TRACKING_EVENT_TYPES.map((t) => STATUS_FOR_EVENT[t])).toEqual([
      'PICKED_UP',
      'IN_TRANSIT',
      'EXCEPTION',
      'DELIVERED',
    ]);
  });

  it('FUL-4: a package is in transit once picked up and until delivered', () => {
    expect(IN_TRANSIT_STATUSES).toEqual(['PICKED_UP', 'IN_TRANSIT', 'EXCEPTION']);
  });
});

describe('progressStatus', () => {
  it('FUL-7: moves forward whatever the scan time', () => {
    expect(progressStatus('SHIPPED', 'IN_TRANSIT', false)).toBe('IN_TRANSIT');
    expect(progressStatus('IN_TRANSIT', 'DELIVERED', false)).toBe('DELIVERED');
  });

  it('FUL-7: never moves backwards, and nothing moves DELIVERED', () => {
    expect(progressStatus('IN_TRANSIT', 'PICKED_UP', true)).toBe('IN_TRANSIT');
    expect(progressStatus('DELIVERED', 'EXCEPTION', true)).toBe('DELIVERED');
    expect(progressStatus('DELIVERED', 'IN_TRANSIT', true)).toBe('DELIVERED');
  });

  it('FUL-4: moves between IN_TRANSIT and EXCEPTION only on the newest scan', () => {
    expect(progressStatus('IN_TRANSIT', 'EXCEPTION', true)).toBe('EXCEPTION');
    expect(progressStatus('EXCEPTION', 'IN_TRANSIT', true)).toBe('IN_TRANSIT');
    expect(progressStatus('IN_TRANSIT', 'EXCEPTION', false)).toBe('IN_TRANSIT');
    expect(progressStatus('EXCEPTION', 'IN_TRANSIT', false)).toBe('EXCEPTION');
  });
});
