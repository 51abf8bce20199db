import { EventDispatcher } from '@tradehub/platform';
import { withClient } from './database';
import { eventually } from './eventually';
import type { TestApp } from './test-app';

type OutboxRow = { id: string; topic: string; type: string; published: boolean; consumers: string[] };

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
    const rows = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query<OutboxRow>(
            `select 'timer' as type, id::text as id, '' as topic, false as published, '{}'::text[] as consumers
               from platform.timers
              where status = 'pending'
                and next_attempt_at <= coalesce((select now from platform.sandbox_clock), now())
             union all
             select o.type, o.id::text, o.topic, o.published_at is not null,
                    coalesce(array_agg(i.consumer) filter (where i.consumer is not null), '{}')
               from platform.outbox o left join platform.inbox i on i.event_id = o.id::text
              group by o.seq`,
          )
        ).rows,
    );
    const pending = rows.filter(
      (r) => !r.published || dispatcher.consumersOf(r.topic, r.type).some((c) => !r.consumers.includes(c)),
    );
    if (pending.length > 0) throw new Error(`not yet at rest: ${JSON.stringify(pending)}`);
  }, timeoutMs);
}
