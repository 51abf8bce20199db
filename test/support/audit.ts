import { withClient } from './database';
import type { TestApp } from './test-app';

/**
 * CMP-6 for one context: its events in the outbox that are not named by exactly one audit record,
 * and the event types raised.
 */
export async function auditedEvents(
  t: TestApp,
  context: string,
): Promise<{ unaudited: unknown[]; raised: string[] }> {
  return withClient(t.databaseUrl, async (c) => {
    const outbox = (
      await c.query<{ id: string; type: string }>(`select id, type from platform.outbox where type like $1`, [
        `tradehub.${context}.%`,
      ])
    ).rows;
    const audit = (await c.query<{ events: { id: string }[] }>('select events from platform.audit_log')).rows;
    const count = new Map<string, number>();
    for (const row of audit) for (const e of row.events) count.set(e.id, (count.get(e.id) ?? 0) + 1);
    return {
      unaudited: outbox.filter((e) => count.get(e.id) !== 1),
      raised: [...new Set(outbox.map((e) => e.type))].sort(),
    };
  });
}
