import { DomainEvent } from './domain-event';

/** A durable deadline an aggregate declares: when timer `kind` is due for it, or null when none is pending. */
export interface Deadline {
  kind: string;
  dueAt: Date | null;
}

/**
 * The root of a consistency boundary. The domain changes it, raises the integration events that
 * describe the change and declares its deadlines; the save path writes state, events (outbox),
 * timers and the audit record in one transaction. A plain class: the ORM maps it from outside and
 * may restore it without running a constructor, so the transient fields below are created lazily.
 */
export abstract class AggregateRoot {
  abstract readonly id: string;
  /** The store the aggregate belongs to (audit scoping); null when it belongs to none. */
  abstract readonly storeId: string | null;

  private _events?: DomainEvent<object>[];
  private _action?: string;
  private _savedDeadlines?: Deadline[];

  /** Names the aggregate in timer subjects and audit records, e.g. `order`. */
  abstract get aggregateType(): string;

  /** The durable deadlines of the current state; a deadline a handled timer met is no longer declared. */
  deadlines(): Deadline[] {
    return [];
  }

  /** Timer subject of this aggregate's deadlines: at most one pending timer per kind and subject. */
  get timerSubject(): string {
    return `${this.aggregateType}:${this.id}`;
  }

  protected raise(event: DomainEvent<object>): void {
    (this._events ??= []).push(event);
  }

  /** Names what happened for the audit trail (`order.cancelled`); the first name of a change wins. */
  protected changed(action: string): void {
    this._action ??= action;
  }

  /** Hands over the events raised since the last save. */
  pullEvents(): DomainEvent<object>[] {
    const events = this._events ?? [];
    this._events = undefined;
    return events;
  }

  pullAction(): string | undefined {
    const action = this._action;
    this._action = undefined;
    return action;
  }

  /** The deadlines as last loaded or saved; timers are changed only where they differ. */
  savedDeadlines(): Deadline[] {
    return this._savedDeadlines ?? [];
  }

  markDeadlinesSaved(): void {
    this._savedDeadlines = this.deadlines();
  }
}
