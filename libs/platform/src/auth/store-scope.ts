import { NotFoundError } from '@tradehub/kernel';
import { pgArray } from '../database/sql';
import { Principal } from './principal';

/**
 * API-2: the single place that decides store visibility. A resource of a store outside the
 * grant is reported exactly like one that does not exist.
 */
export class StoreScope {
  private constructor(private readonly stores: ReadonlySet<string> | 'all') {}

  static of(principal: Principal): StoreScope {
    return new StoreScope(principal.stores === '*' ? 'all' : new Set(principal.stores));
  }

  static ofStores(storeIds: readonly string[]): StoreScope {
    return new StoreScope(new Set(storeIds));
  }

  static all(): StoreScope {
    return new StoreScope('all');
  }

  allows(storeId: string): boolean {
    return this.stores === 'all' || this.stores.has(storeId);
  }

  /** Store ids to filter a query by, or null when every store is visible. */
  storeIds(): string[] | null {
    return this.stores === 'all' ? null : [...this.stores];
  }

  /** Narrows a query's `where` clauses to the visible stores (nothing to add when every store is visible). */
  restrict(where: string[], params: unknown[], column = 'store_id'): void {
    if (this.stores === 'all') return;
    where.push(`${column} = any(?::text[])`);
    params.push(pgArray([...this.stores]));
  }

  /** Returns the resource if its store is visible, else the same not-found the caller would get for a missing id. */
  reveal<T>(resource: T | null, storeOf: (r: T) => string, notFound: () => NotFoundError): T {
    if (resource === null || !this.allows(storeOf(resource))) throw notFound();
    return resource;
  }
}
