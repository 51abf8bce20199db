import { Client } from 'pg';
import { DEFERRED, PipeliningClient } from '@tradehub/platform';
import { createDatabase, dropDatabase, withClient } from '../support/database';

/** What the server receives: every message the client sends (one per round trip). */
function messagesOf(client: Client): string[] {
  const sent: string[] = [];
  const send = Object.getPrototypeOf(PipeliningClient.prototype).query as (...args: unknown[]) => unknown;
  jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
    if (this === client && typeof args[0] === 'string') sent.push(args[0]);
    return send.apply(this, args) as never;
  });
  return sent;
}

describe('PipeliningClient: fewer round trips, the same transaction', () => {
  let url: string;
  // Typed as the pg Client it stands in for: callers see no difference.
  let client: Client;

  beforeAll(async () => {
    url = await createDatabase();
    await withClient(url, (c) => c.query('create table t (id int primary key, note text)'));
  });
  beforeEach(async () => {
    client = new PipeliningClient({ connectionString: url });
    await client.connect();
    await client.query('truncate t');
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await client.end();
  });
  afterAll(() => dropDatabase(url));

  it('BEGIN and deferred statements ride with the next statement; COMMIT commits them all', async () => {
    const sent = messagesOf(client);
    await client.query('begin');
    await client.query(`${DEFERRED}insert into t values (1, 'deferred')`);
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from t');
    await client.query(`${DEFERRED}insert into t values (2, 'with the commit')`);
    await client.query('commit');
    expect(rows).toEqual([{ n: 1 }]);
    expect(sent).toHaveLength(2);
    expect(await withClient(url, (c) => c.query('select id from t order by id'))).toMatchObject({
      rows: [{ id: 1 }, { id: 2 }],
    });
  });

  it('a failing deferred statement fails the statement it rode with, and the rollback leaves nothing', async () => {
    await client.query('begin');
    await client.query(`insert into t values (1, 'first')`);
    await client.query(`${DEFERRED}insert into t values (1, 'duplicate')`);
    await expect(client.query('select 1')).rejects.toMatchObject({ code: '23505' });
    await client.query('rollback');
    expect((await withClient(url, (c) => c.query('select id from t'))).rows).toEqual([]);
  });

  it('a transaction that ends before any statement sends nothing; a rollback drops what was held', async () => {
    const sent = messagesOf(client);
    await client.query('begin');
    await client.query('commit');
    await client.query('begin');
    await client.query(`${DEFERRED}insert into t values (3, 'never')`);
    await client.query('rollback');
    expect(sent).toEqual([]);
    expect((await client.query('select count(*)::int as n from t')).rows).toEqual([{ n: 0 }]);
  });

  it('a statement with bound parameters gets what was held sent ahead of it, in order', async () => {
    const sent = messagesOf(client);
    await client.query('begin');
    await client.query(`${DEFERRED}insert into t values (4, 'held')`);
    const { rows } = await client.query('select note from t where id = $1', [4]);
    await client.query('commit');
    expect(rows).toEqual([{ note: 'held' }]);
    expect(sent).toHaveLength(3);
  });
});
