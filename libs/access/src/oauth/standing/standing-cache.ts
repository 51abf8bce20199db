/** Entries kept at most; past it the cache starts again empty (a change empties it anyway). */
const MAX_ENTRIES = 10_000;

/**
 * What was read for a key, kept until a change is announced. A read that began before a change
 * and ends after it is not kept (the generation moved), so a change can never be undone by a
 * slow read.
 */
export class StandingCache<T> {
  private readonly entries = new Map<string, T>();
  private generation = 0;

  constructor(private readonly enabled: () => boolean) {}

  async get(key: string, read: () => Promise<T>): Promise<T> {
    const on = this.enabled();
    const kept = on ? this.entries.get(key) : undefined;
    if (kept !== undefined) return kept;
    const generation = this.generation;
    const value = await read();
    if (on && this.enabled() && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }

  /** Everything kept may be stale. */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
