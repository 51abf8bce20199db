import { Client } from 'pg';
import { eventually } from '../support/eventually';
import { basicAuth, tokenRequest } from '../support/oauth-browser';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * API-1: a token's standing (app, grant, staff, stores) is kept by each replica until a change is
 * announced; these tests show that every way a change can happen reaches every replica.
 */
describe('API-1: the standing each replica keeps follows every change (real PostgreSQL)', () => {
  let a: TestApp;
  let b: TestApp;
  let sql: Client;
  let operator: string;

  beforeAll(async () => {
    a = await startTestApp({ kafka: false });
    b = await startTestApp({ databaseUrl: a.databaseUrl, kafka: false });
    sql = new Client({ connectionString: a.databaseUrl });
    await sql.connect();
    operator = await a.operatorToken();
  });

  afterAll(async () => {
    await sql.end();
    await b.close();
    await a.close({ dropDatabase: true });
  });

  /** A service app and a client-credentials token of it, which replica B has already accepted once. */
  const serviceToken = async (clientId: string): Promise<string> => {
    const registered = await a.http.post(
      '/v1/access/apps',
      { clientId, name: clientId, kind: 'service', redirectUris: [], scopes: ['orders:read'] },
      operator,
    );
    expect(registered.status).toBe(201);
    const issued = await tokenRequest(
      `http://127.0.0.1:${(a.app.getHttpServer().address() as { port: number }).port}`,
      '/oauth/token',
      { grant_type: 'client_credentials', scope: 'orders:read' },
      basicAuth(clientId, registered.body.clientSecret),
    );
    expect(issued.status).toBe(200);
    const token = issued.body.access_token as string;
    expect((await b.http.get('/v1/orders', token)).status).toBe(200);
    return token;
  };

  it('API-1: an app disabled through one replica is refused by the other within a second', async () => {
    const token = await serviceToken('svc-standing-api1');
    const disabled = await a.http.request('PATCH', '/v1/access/apps/svc-standing-api1', {
      token: operator,
      body: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    // This replica applies its own change at once.
    expect((await a.http.get('/v1/orders', token)).status).toBe(401);
    const started = Date.now();
    await eventually(async () => expect((await b.http.get('/v1/orders', token)).status).toBe(401), 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('API-1: a change written to the tables by hand (no replica wrote it) is announced to both', async () => {
    const token = await serviceToken('svc-standing-sql-api1');
    expect((await a.http.get('/v1/orders', token)).status).toBe(200);
    await sql.query(`update access.apps set disabled_at = now() where client_id = 'svc-standing-sql-api1'`);
    for (const replica of [a, b])
      await eventually(
        async () => expect((await replica.http.get('/v1/orders', token)).status).toBe(401),
        1_000,
      );
  });

  it('API-1: a replica that lost its LISTEN connection keeps nothing until it listens again', async () => {
    const token = await serviceToken('svc-standing-lost-api1');
    // Ends B's (and A's) LISTEN connections: changes made now are announced to nobody.
    await sql.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = current_database() and query = 'listen tradehub_access'`,
    );
    await sql.query(`update access.apps set scopes = '{}' where client_id = 'svc-standing-lost-api1'`);
    // Read again at each request meanwhile, and all kept is forgotten once it listens again.
    await eventually(async () => expect((await b.http.get('/v1/orders', token)).status).toBe(403), 3_000);
    await eventually(async () => {
      const { rows } = await sql.query(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and query = 'listen tradehub_access'`,
      );
      expect(rows[0].n).toBe(2);
    }, 10_000);
    expect((await b.http.get('/v1/orders', token)).status).toBe(403);
  });
});
