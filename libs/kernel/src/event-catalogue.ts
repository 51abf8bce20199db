/**
 * One integration event as its context documents it. Each context's `contract/catalogue.ts` lists
 * every event type it publishes this way; `docs/asyncapi.json` is generated from those lists and
 * the payload interfaces they name (`npm run asyncapi`).
 */
export interface EventCatalogueEntry<T extends string = string> {
  /** The event type (`ce_type`), e.g. `tradehub.orders.order-placed`. */
  readonly type: T;
  /** The name of the payload interface in the contract, e.g. `OrderPlacedV1`. */
  readonly payload: string;
  /** One line: when the event is published, with the rule IDs. */
  readonly summary: string;
  /** A payload as published, checked by the compiler against the interface (`satisfies`). */
  readonly example: object;
}

/** A context's catalogue: one entry per event type, keyed by it; a type without an entry does not compile. */
export type EventCatalogue<T extends string> = { readonly [K in T]: EventCatalogueEntry<K> };
