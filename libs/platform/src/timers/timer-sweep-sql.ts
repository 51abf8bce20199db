import { DEFERRED } from '../database/pipelining-client';
import { pgArray, Sql } from '../database/sql';

/** How long a claim keeps other replicas off a timer; a replica that dies mid-batch frees its timers after it. */
const CLAIM_LEASE_SECONDS = 60;

export interface TimerRow {
  id: string;
  kind: string;
  subject: string;
  due_at: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Timers of one claim whose firing wrote nothing, still to be marked fired. */
export interface Unmarked {
  token: string;
  ids: string[];
}

/** A batch to claim: up to `limit` timers of these kinds due at `now`, under a new token. */
export interface ClaimRequest {
  token: string;
  kinds: readonly string[];
  limit: number;
}

/** "Fired", only while the sweeper's claim holds: a timer cancelled or moved since is not ours to mark. */
const FIRED = `set status = 'fired', fired_at = ?, attempts = attempts + 1, claimed_until = null`;
const CLAIMED = `claim_token = ? and status = 'pending'`;
/** A timer a sweep of these kinds may claim (once due): pending, of one of them, held by no live lease. */
const CLAIMABLE = `status = 'pending' and kind = any(?::text[])
  and (claimed_until is null or claimed_until < clock_timestamp())`;

/**
 * One statement that marks the last batch's no-effect timers fired and claims the next batch (either
 * may be absent), so a batch costs one commit. The mark waits for no lock (SKIP LOCKED): it holds no
 * aggregate, and cannot deadlock with a writer holding several timer rows; a row a writer held then
 * (it may be cancelling or moving the timer) comes back `skipped`, for `markOne` after the commit.
 * The claim takes due timers nobody holds (FOR UPDATE SKIP LOCKED, an unexpired lease).
 */
export async function markAndClaim(
  sql: Sql,
  now: Date,
  unmarked: Unmarked,
  claim: ClaimRequest | null,
): Promise<{ claimed: TimerRow[]; marked: number; skipped: string[] }> {
  const ids = pgArray(unmarked.ids);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (unmarked.ids.length > 0) {
    parts.push(`marked as (update platform.timers ${FIRED}
      where id in (select id from platform.timers where id = any(?::uuid[]) and ${CLAIMED} for update skip locked)
      returning id)`);
    params.push(now, ids, unmarked.token);
  }
  if (claim) {
    // Never a timer this statement marks (one whose lease ran out while its batch fired).
    parts.push(`claimed as (update platform.timers
        set claim_token = ?, claimed_until = clock_timestamp() + make_interval(secs => ?)
      where id in (
        select id from platform.timers
        where ${CLAIMABLE} and next_attempt_at <= ? and id <> all(?::uuid[])
        order by next_attempt_at, id limit ? for update skip locked)
      returning id, kind, subject, due_at, payload, attempts)`);
    params.push(claim.token, CLAIM_LEASE_SECONDS, pgArray(claim.kinds), now, ids, claim.limit);
  }
  if (parts.length === 0) return { claimed: [], marked: 0, skipped: [] };
  const selects = [
    ...(claim ? ['select true as claim, id, kind, subject, due_at, payload, attempts from claimed'] : []),
    ...(unmarked.ids.length > 0
      ? [
          'select false as claim, id, null as kind, null as subject, null as due_at, null as payload, null as attempts from marked',
        ]
      : []),
  ];
  const rows = await sql.query<TimerRow & { claim: boolean }>(
    `with ${parts.join(', ')} ${selects.join(' union all ')}`,
    params,
  );
  const claimed = rows.filter((row) => row.claim);
  const done = new Set(rows.filter((row) => !row.claim).map((row) => row.id));
  claimed.sort((a, b) => new Date(a.due_at).getTime() - new Date(b.due_at).getTime());
  return { claimed, marked: done.size, skipped: unmarked.ids.filter((id) => !done.has(id)) };
}

/**
 * Marks one no-effect timer fired, waiting for its row if a writer holds it; on its own connection
 * and transaction, holding no other row, so the wait cannot close a cycle. 0 when the claim was lost.
 */
export async function markOne(sql: Sql, id: string, token: string, now: Date): Promise<number> {
  const rows = await sql.query(
    `update platform.timers ${FIRED} where id = ?::uuid and ${CLAIMED} returning id`,
    [now, id, token],
  );
  return rows.length;
}

/**
 * Marks the timer fired in the statement that rides with the firing transaction's COMMIT (no
 * message of its own), after the save path's rows: its effect and "fired" commit together. A lost
 * claim fails the commit (TH409), and the effect is rolled back with it.
 */
export async function markFiredAtCommit(
  tx: Sql,
  timer: { id: string; kind: string; subject: string },
  token: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `${DEFERRED}with marked as (update platform.timers ${FIRED} where id = ?::uuid and ${CLAIMED} returning 1)
     select platform.expect_one_row((select count(*) from marked), ?)`,
    [now, timer.id, token, `timer ${timer.kind} ${timer.subject}`],
  );
}

/**
 * When the next timer the claim could take falls due (one a live lease holds is left to the
 * regular poll): the first entry of the due index that passes the claim's own filter.
 */
export async function nextDue(sql: Sql, kinds: readonly string[]): Promise<Date | null> {
  const [row] = await sql.query<{ next_attempt_at: Date }>(
    `select next_attempt_at from platform.timers where ${CLAIMABLE} order by next_attempt_at, id limit 1`,
    [pgArray(kinds)],
  );
  return row ? new Date(row.next_attempt_at) : null;
}
