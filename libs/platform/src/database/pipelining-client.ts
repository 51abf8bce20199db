import { Client, QueryResult } from 'pg';

const BEGIN_RE = /^\s*(begin|start transaction)\b/i;
const COMMIT_RE = /^\s*commit\s*$/i;
const ROLLBACK_RE = /^\s*rollback\s*$/i;
// Only short statements can be these: a long one (a tail of several kilobytes) is not scanned.
const short = (re: RegExp) => ({ test: (text: string) => text.length <= 64 && re.test(text) });
const BEGIN = short(BEGIN_RE);
const COMMIT = short(COMMIT_RE);
const ROLLBACK = short(ROLLBACK_RE);

/** Marks a statement whose result nobody reads: it rides with the transaction's next message. */
export const DEFERRED = '/* deferred */ ';

type Query = (text: string, values?: unknown[]) => Promise<QueryResult | QueryResult[]>;

/**
 * A pg client that saves a transaction round trips without changing what runs or in which order:
 * BEGIN goes with the transaction's first statement, and statements marked DEFERRED (the outbox,
 * audit and timer rows, whose results nobody reads) go with the next statement or the COMMIT, in
 * one simple-protocol message. PostgreSQL runs a message's statements in order and stops at the
 * first error, which then fails the statement it rode with; a ROLLBACK drops what was held, and a
 * transaction that ends before any statement sends nothing. A statement with bound parameters
 * (extended protocol: one statement per message) gets what was held sent ahead of it.
 */
export class PipeliningClient extends Client {
  private held: string[] = [];
  private inTransaction = false;

  override query(...args: unknown[]): never {
    const [text, values] = args;
    const plain =
      typeof text === 'string' && args.length <= 2 && (values === undefined || Array.isArray(values));
    if (!plain) return super.query.apply(this, args as never) as never;
    return this.send(text, (values as unknown[] | undefined) ?? []) as never;
  }

  private async send(text: string, values: unknown[]): Promise<QueryResult> {
    const query = super.query.bind(this) as unknown as Query;
    if (values.length === 0 && !this.inTransaction && BEGIN.test(text)) {
      this.inTransaction = true;
      this.held = [text];
      return emptyResult('BEGIN');
    }
    if (values.length === 0 && this.inTransaction && text.startsWith(DEFERRED)) {
      this.held.push(text);
      return emptyResult('SELECT');
    }
    const held = this.held;
    this.held = [];
    const beganOnServer = !(held.length > 0 && BEGIN.test(held[0]));
    if (ROLLBACK.test(text)) {
      this.inTransaction = false;
      // What was held never ran; a transaction the server never began has nothing to undo.
      return beganOnServer ? last(await query(text)) : emptyResult('ROLLBACK');
    }
    if (COMMIT.test(text)) {
      this.inTransaction = false;
      if (held.length === 1 && !beganOnServer) return emptyResult('COMMIT');
    }
    if (held.length === 0) return last(await query(text, values));
    if (values.length > 0) {
      await query(held.join(';\n'));
      return last(await query(text, values));
    }
    return last(await query([...held, text].join(';\n')));
  }
}

function last(results: QueryResult | QueryResult[]): QueryResult {
  return Array.isArray(results) ? results[results.length - 1] : results;
}

function emptyResult(command: string): QueryResult {
  return { command, rowCount: null, oid: 0, fields: [], rows: [] };
}
