// A seeded PRNG (mulberry32) and the few draws the synthetic world needs: the same seed always
// gives the same orders, so two runs of the evaluation differ only by what the scorer changed.

export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = {
    next,
    chance: (p) => next() < p,
    /** Integer in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    uniform: (min, max) => min + next() * (max - min),
    pick: (items) => items[Math.floor(next() * items.length)],
    digits: (n) => Array.from({ length: n }, () => Math.floor(next() * 10)).join(''),
    letters: (n, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') =>
      Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
    /** Standard normal (Box-Muller). */
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    /** A sampler over items with the given positive weights (binary search on the cumulative sums). */
    weighted: (items, weightOf) => {
      const cumulative = [];
      let total = 0;
      for (const item of items) cumulative.push((total += weightOf(item)));
      return () => {
        const x = next() * total;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid] > x) hi = mid;
          else lo = mid + 1;
        }
        return items[lo];
      };
    },
  };
  return random;
}

export const pad = (n, width) => String(n).padStart(width, '0');
