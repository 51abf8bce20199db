/**
 * A fact that happened to one aggregate. `type` is the versioned integration name consumers
 * see (e.g. `tradehub.orders.order-placed`), `payload` its JSON body.
 */
export interface DomainEvent<P extends object = Record<string, unknown>> {
  readonly type: string;
  readonly schemaVersion: number;
  /** Which context emits it; chooses the topic `tradehub.<context>.v1`. */
  readonly context: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly occurredAt: Date;
  readonly payload: P;
}

/** What a consumer receives: the event plus the id and time the outbox gave it. */
export interface EventEnvelope<P extends object = Record<string, unknown>> extends DomainEvent<P> {
  readonly id: string;
  readonly source: string;
}
