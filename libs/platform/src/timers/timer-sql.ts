import { newId } from '@tradehub/kernel';

export interface TimerSpec {
  /** What fires, e.g. `orders.ship-deadline`; chooses the handler. */
  kind: string;
  /** What it concerns, e.g. `order:<id>`; at most one pending timer per kind and subject. */
  subject: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

/** Schedules the timers, or moves the pending timer of the same kind and subject. */
export function timerUpsert(specs: readonly TimerSpec[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const rows = specs.map((s) => {
    params.push(newId(), s.kind, s.subject, s.dueAt, s.dueAt, JSON.stringify(s.payload ?? {}));
    return '(?::uuid, ?, ?, ?::timestamptz, ?::timestamptz, ?::jsonb)';
  });
  return {
    sql: `insert into platform.timers (id, kind, subject, due_at, next_attempt_at, payload) values ${rows.join(', ')}
      on conflict (kind, subject) where status = 'pending'
      do update set due_at = excluded.due_at, next_attempt_at = excluded.next_attempt_at, payload = excluded.payload,
        attempts = 0, claim_token = null, claimed_until = null`,
    params,
  };
}

export interface TimerCancel {
  subject: string;
  kind: string;
  at: Date;
}

/** Cancels the pending timers of these kinds and subjects. */
export function timerCancel(cancels: readonly TimerCancel[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const rows = cancels.map((c) => {
    params.push(c.subject, c.kind, c.at);
    return '(?, ?, ?::timestamptz)';
  });
  return {
    sql: `update platform.timers t set status = 'cancelled', cancelled_at = c.at
      from (values ${rows.join(', ')}) as c (subject, kind, at)
      where t.subject = c.subject and t.kind = c.kind and t.status = 'pending'`,
    params,
  };
}
