import { Injectable } from '@nestjs/common';
import { DomainEvent, newId } from '@tradehub/kernel';
import { Sql } from '../database/sql';
import { bigintJson } from '../audit/audit-log';
import { Topics } from './topics';

export const OUTBOX_CHANNEL = 'tradehub_outbox';

/**
 * Writes events in the same transaction as the state change that raised them. NOTIFY is
 * delivered by PostgreSQL only at commit, so the relay wakes exactly when rows become visible.
 */
@Injectable()
export class Outbox {
  constructor(private readonly topics: Topics) {}

  async append(tx: Sql, events: readonly DomainEvent<object>[]): Promise<void> {
    if (events.length === 0) return;
    const values: unknown[] = [];
    const rows = events.map((e) => {
      values.push(
        newId(),
        this.topics.forContext(e.context),
        e.aggregateId,
        e.type,
        e.schemaVersion,
        `/tradehub/${e.context}`,
        `${e.aggregateType}/${e.aggregateId}`,
        JSON.stringify(e.payload, bigintJson),
        e.occurredAt,
      );
      return '(?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)';
    });
    await tx.query(
      `insert into platform.outbox (id, topic, key, type, schema_version, source, subject, payload, occurred_at)
       values ${rows.join(', ')}`,
      values,
    );
    await tx.query(`select pg_notify('${OUTBOX_CHANNEL}', '')`);
  }
}
