/** What the shared count says after a lease: the budget's requests this minute, and its seconds left. */
export interface LeaseTaken {
  hits: number;
  windowLeftSeconds: number;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

interface Lease {
  /** When the minute it was taken in ends, on this process's clock. */
  endsAt: number;
  /** Requests this replica may still admit in that minute. */
  left: number;
}

/**
 * API-1's rate limit per client and minute, shared by every replica, without a write per request:
 * a replica takes a lease of a twentieth of the limit from the shared count (one statement) and
 * admits requests against it until it is used up. Once the count has passed the limit, every
 * replica refuses until the minute ends. A limit of 20 or less leases one request at a time, so
 * it is exact; above it, the requests leased by one replica and not used in the minute (at most
 * a twentieth of the limit per replica) are refused to the others.
 */
export class RateLeases {
  private readonly leases = new Map<string, Lease>();
  private readonly taking = new Map<string, Promise<void>>();

  constructor(
    private readonly take: (budget: string, count: number) => Promise<LeaseTaken>,
    private readonly now: () => number,
  ) {}

  async admit(budget: string, limit: number): Promise<Admission> {
    for (;;) {
      const lease = this.leases.get(budget);
      const now = this.now();
      if (lease && now < lease.endsAt) {
        if (lease.left > 0) {
          lease.left -= 1;
          return { admitted: true };
        }
        if (lease.left < 0) return { admitted: false, retryAfterSeconds: retryAfter(lease.endsAt - now) };
      }
      // One lease at a time per budget: the requests that arrive meanwhile share what it brings.
      const pending = this.taking.get(budget) ?? this.lease(budget, limit);
      await pending;
    }
  }

  private lease(budget: string, limit: number): Promise<void> {
    const size = leaseSize(limit);
    const taking = this.take(budget, size)
      .then(({ hits, windowLeftSeconds }) => {
        const granted = Math.max(0, Math.min(size, limit - (hits - size)));
        // -1: the count is past the limit; refused here, with no statement, until the minute ends.
        const left = granted > 0 ? granted : -1;
        this.leases.set(budget, { endsAt: this.now() + windowLeftSeconds * 1000, left });
        if (this.leases.size > MAX_BUDGETS) this.forgetEnded();
      })
      .finally(() => this.taking.delete(budget));
    this.taking.set(budget, taking);
    return taking;
  }

  private forgetEnded(): void {
    const now = this.now();
    for (const [budget, lease] of this.leases) if (lease.endsAt <= now) this.leases.delete(budget);
  }
}

/** Leases of a twentieth of the limit: small limits stay exact, large ones cost a statement per 5 %. */
export function leaseSize(limit: number): number {
  return Math.max(1, Math.floor(limit / 20));
}

const MAX_BUDGETS = 10_000;

const retryAfter = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));
