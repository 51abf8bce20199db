import fc from 'fast-check';
import { leaseSize, RateLeases } from './rate-leases';

/** The shared count of one minute (PostgreSQL's rate_windows row), taken by several replicas. */
function sharedMinute(seconds = 60) {
  const counts = new Map<string, number>();
  let now = 0;
  return {
    clock: () => now,
    advance: (ms: number) => (now += ms),
    take: async (budget: string, count: number) => {
      const key = `${budget}@${Math.floor(now / (seconds * 1000))}`;
      const hits = (counts.get(key) ?? 0) + count;
      counts.set(key, hits);
      return { hits, windowLeftSeconds: seconds - ((now / 1000) % seconds) };
    },
    statements: () => [...counts.values()].length,
  };
}

describe('API-1: rate limit leases', () => {
  it('API-1: a limit of 20 or less is exact across replicas: the request after the limit is refused wherever it lands', async () => {
    const minute = sharedMinute();
    const replicas = [new RateLeases(minute.take, minute.clock), new RateLeases(minute.take, minute.clock)];
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push((await replicas[i % 2].admit('client', 4)).admitted);
    expect(answers).toEqual([true, true, true, true, false, false, false]);
  });

  it('API-1: never more than the limit is admitted in a minute, however requests spread over replicas; a new minute starts again', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 500 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 700 }),
        async (limit, landings) => {
          const minute = sharedMinute();
          const replicas = Array.from({ length: 4 }, () => new RateLeases(minute.take, minute.clock));
          let admitted = 0;
          for (const r of landings) if ((await replicas[r].admit('c', limit)).admitted) admitted += 1;
          expect(admitted).toBeLessThanOrEqual(limit);
          // What other replicas leased and left unused is all that can be refused early.
          expect(admitted).toBeGreaterThanOrEqual(Math.min(landings.length, limit - 4 * leaseSize(limit)));
          minute.advance(60_000);
          expect((await replicas[landings[0]].admit('c', limit)).admitted).toBe(true);
        },
      ),
    );
  });

  it('API-1: a large limit costs one statement per twentieth of it, and concurrent requests share a lease', async () => {
    const minute = sharedMinute();
    let taken = 0;
    const leases = new RateLeases(async (b, n) => {
      taken += 1;
      return minute.take(b, n);
    }, minute.clock);
    const answers = await Promise.all(Array.from({ length: 100 }, () => leases.admit('c', 1000)));
    expect(answers.every((a) => a.admitted)).toBe(true);
    expect(taken).toBe(2);
  });

  it('API-1: once past the limit a replica refuses until the minute ends, with the seconds left, sending nothing', async () => {
    const minute = sharedMinute();
    let taken = 0;
    const leases = new RateLeases(async (b, n) => {
      taken += 1;
      return minute.take(b, n);
    }, minute.clock);
    expect((await leases.admit('c', 1)).admitted).toBe(true);
    minute.advance(15_000);
    expect(await leases.admit('c', 1)).toEqual({ admitted: false, retryAfterSeconds: 45 });
    expect(await leases.admit('c', 1)).toEqual({ admitted: false, retryAfterSeconds: 45 });
    expect(taken).toBe(2);
  });
});
