import { Client } from 'pg';
import { serviceEnv, uniqueName } from './env';

/** A fresh, empty database on the test server; every suite gets its own. */
export async function createDatabase(): Promise<string> {
  const admin = serviceEnv().databaseUrl;
  const name = uniqueName('th');
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new Client({ connectionString: serviceEnv().databaseUrl });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.end();
}

/** Direct SQL for assertions and for staging races the API cannot produce. */
export async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
