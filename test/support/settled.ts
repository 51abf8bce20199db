import { EventDispatcher } from '@tradehub/platform';
import { withClient } from './database';
import { eventually } from './eventually';
import type { TestApp } from './test-app';

type OutboxEvent = { id: string; topic: string; type: string; published: boolean; consumers: string[] };
type Snapshot = { due_timers: number; events: OutboxEvent[] };

/**
 * Waits until the app is at rest: no timer due on the sandbox clock, and every event in the outbox
 * published and taken by every consumer it is delivered to. A "nothing changed" assertion is only
 * sound from that point; before it, another context's reaction to an earlier command, or a timer one
 * set (Compliance's standing refresh), may still be writing. One statement, so one snapshot: a
 * handler's inbox row and the events it emits commit together, as do a timer's firing and its events.
 */
export async function settled(t: TestApp, timeoutMs = 15_000): Promise<void> {
  const dispatcher = t.app.get(EventDispatcher);
  await eventually(async () => {
    const [snapshot] = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query<Snapshot>(
            `select
               (select count(*)::int from platform.timers
                 where status = 'pending'
                   and next_attempt_at <= coalesce((select now from platform.sandbox_clock), now())) as due_timers,
               coalesce((select json_agg(e) from (
                 select o.id, o.topic, o.type, o.published_at is not null as published,
                        coalesce(array_agg(i.consumer) filter (where i.consumer is not null), '{}') as consumers
                   from platform.outbox o left join platform.inbox i on i.event_id = o.id::text
                  group by o.seq) e), '[]') as events`,
          )
        ).rows,
    );
    const unhandled = snapshot!.events.filter(
      (e) => !e.published || dispatcher.consumersOf(e.topic, e.type).some((c) => !e.consumers.includes(c)),
    );
    if (snapshot!.due_timers > 0 || unhandled.length > 0)
      throw new Error(
        `not yet at rest: ${snapshot!.due_timers} timers due, events ${JSON.stringify(unhandled)}`,
      );
  }, timeoutMs);
}
