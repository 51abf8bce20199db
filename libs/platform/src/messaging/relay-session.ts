import { Client, QueryResult, QueryResultRow } from 'pg';
import { OutboxMessage } from './outbox-message';

const RELAY_LOCK = "hashtext('tradehub.outbox.relay')";
// Without statistics of a burst just committed, the planner reads every unpublished row and sorts
// them to return the first batch (each batch then costs the whole backlog); the partial index on
// seq gives them in order.
const SORT_OFF = 'set local enable_sort = off';
// The payload and the time as the text that goes on the wire: parsing 500 payloads and times and
// writing them again cost more node CPU than the rest of the batch's own work. The time as
// Date.toISOString writes it (milliseconds, cut rather than rounded, as pg's own parser does).
const UNPUBLISHED = `select seq, id, topic, key, type, schema_version, source, subject, payload::text as payload,
    to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as time
  from platform.outbox where published_at is null`;

export interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  key: string;
  type: string;
  schema_version: number;
  source: string;
  subject: string;
  payload: string;
  time: string;
}

/**
 * The relay's own connection (`tradehub-outbox-relay` in pg_stat_activity). One transaction of it
 * spans a whole drain of many batches and holds the one-publisher lock (transaction-scoped, so a
 * transaction pooler in front stays safe), while each batch's mark commits on its own on a pooled
 * connection. Its selects are read-committed, one snapshot each, so each sees the marks committed
 * before it. Closed after any failure: that rolls back and releases the lock.
 */
export class RelaySession {
  private client: Promise<Client> | null = null;

  constructor(private readonly connectionString: string) {}

  /** The lock, and the first batch with it; null when another relay holds the lock. */
  async lockAndSelect(limit: number): Promise<OutboxRow[] | null> {
    // One message: the select is a statement of its own after the lock, so its snapshot sees every
    // mark of the relay that held the lock before (one statement's snapshot would be taken before
    // the lock was granted).
    const results = (await this.query(
      `begin;
       ${SORT_OFF};
       select set_config('tradehub.relay_locked', pg_try_advisory_xact_lock(${RELAY_LOCK})::text, true) as locked;
       ${UNPUBLISHED} and current_setting('tradehub.relay_locked') = 'true' order by seq limit ${Math.trunc(limit)}`,
    )) as unknown as QueryResult[];
    const [lock, batch] = results.slice(-2) as [QueryResult<{ locked: string }>, QueryResult<OutboxRow>];
    if (lock.rows[0].locked === 'true') return batch.rows;
    await this.release();
    return null;
  }

  /**
   * The oldest unpublished rows but the batches named (in flight, or their marks not committed
   * yet): by state, so a row committed late with a lower seq than theirs is among them.
   */
  async selectBesides(batches: readonly (readonly OutboxRow[])[], limit: number): Promise<OutboxRow[]> {
    // Each batch came in seq order, so its last row is its highest; above all of them, no row needs the list.
    const highest = batches
      .flatMap((b) => b.slice(-1))
      .reduce((max, r) => (BigInt(r.seq) > max ? BigInt(r.seq) : max), 0n);
    const { rows } = await this.query<OutboxRow>(
      `${UNPUBLISHED} and (seq > $1 or seq <> all($2::bigint[])) order by seq limit $3`,
      [highest.toString(), seqArray(batches.flat()), limit],
    );
    return rows;
  }

  /** Ends the drain's transaction, and with it the lock. */
  async release(): Promise<void> {
    await this.query('commit');
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.then((c) => c.end()).catch(() => undefined);
  }

  private async query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>> {
    this.client ??= this.connect();
    return (await this.client).query<R>(text, values);
  }

  private connect(): Promise<Client> {
    const client = new Client({
      connectionString: this.connectionString,
      application_name: 'tradehub-outbox-relay',
    });
    const opening = client.connect().then(() => client);
    const forget = (): void => {
      if (this.client === opening) this.client = null;
      void client.end().catch(() => undefined);
    };
    // Lost while idle (no lock is held then): the next drain opens another.
    client.on('error', forget);
    opening.catch(forget);
    return opening;
  }
}

/** Rows' seqs as a PostgreSQL array literal: bigints as PostgreSQL printed them, so nothing to quote. */
export function seqArray(rows: readonly OutboxRow[]): string {
  return `{${rows.map((r) => r.seq).join(',')}}`;
}

export function toMessage(r: OutboxRow): OutboxMessage {
  return {
    seq: r.seq,
    id: r.id,
    topic: r.topic,
    key: r.key,
    type: r.type,
    schemaVersion: r.schema_version,
    source: r.source,
    subject: r.subject,
    payloadJson: r.payload,
    time: r.time,
  };
}
