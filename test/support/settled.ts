import { EventDispatcher } from '@tradehub/platform';
import { withClient } from './database';
import { eventually } from './eventually';
import type { TestApp } from './test-app';

type OutboxRow = { id: string; topic: string; type: string; published: boolean; consumers: string[] };

/**
 * Waits until the app is at rest: every event in the outbox is published and taken by every consumer
 * it is delivered to. A "nothing changed" assertion is only sound from that point; before it, another
 * context's reaction to an earlier command may still be writing.
 */
export async function settled(t: TestApp, timeoutMs = 15_000): Promise<void> {
  const dispatcher = t.app.get(EventDispatcher);
  await eventually(async () => {
    const rows = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query<OutboxRow>(
            `select o.id, o.topic, o.type, o.published_at is not null as published,
                    coalesce(array_agg(i.consumer) filter (where i.consumer is not null), '{}') as consumers
               from platform.outbox o left join platform.inbox i on i.event_id = o.id::text
              group by o.seq`,
          )
        ).rows,
    );
    const pending = rows.filter(
      (r) => !r.published || dispatcher.consumersOf(r.topic, r.type).some((c) => !r.consumers.includes(c)),
    );
    if (pending.length > 0) throw new Error(`events not yet handled: ${JSON.stringify(pending)}`);
  }, timeoutMs);
}
