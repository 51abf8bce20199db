import { StandingCache } from './standing-cache';

describe('API-1: the standing kept per token', () => {
  it('API-1: kept until a change is announced, then read again', async () => {
    const cache = new StandingCache<string>(() => true);
    let reads = 0;
    const read = async () => `v${++reads}`;
    expect(await cache.get('k', read)).toBe('v1');
    expect(await cache.get('k', read)).toBe('v1');
    cache.clear();
    expect(await cache.get('k', read)).toBe('v2');
  });

  it('API-1: a read that began before a change and ended after it is not kept', async () => {
    const cache = new StandingCache<string>(() => true);
    let release: (v: string) => void = () => undefined;
    const slow = cache.get('k', () => new Promise<string>((r) => (release = r)));
    cache.clear();
    release('before the change');
    expect(await slow).toBe('before the change');
    expect(await cache.get('k', async () => 'after')).toBe('after');
  });

  it('API-1: while changes cannot be announced nothing is kept', async () => {
    let listening = false;
    const cache = new StandingCache<string>(() => listening);
    let reads = 0;
    const read = async () => `v${++reads}`;
    await cache.get('k', read);
    expect(await cache.get('k', read)).toBe('v2');
    listening = true;
    expect(await cache.get('k', read)).toBe('v3');
    expect(await cache.get('k', read)).toBe('v3');
    listening = false;
    expect(await cache.get('k', read)).toBe('v4');
  });
});
