import { CompiledQuery, type QueryExecutorProvider } from 'kysely';

/**
 * Sends one SQL text (literals already inlined) on the ORM's own Kysely client: the open
 * transaction's connection, or one from the pool. This is what `em.execute` ends in, without its
 * wrapping (placeholder formatting, timing and query logging, result reshaping): about 30-45 µs of
 * node CPU per statement (bench/tx-cost.mjs), several statements per command. The ORM's query log
 * (`debug`) does not show these statements; PostgreSQL's does.
 */
export async function sendText<T>(client: QueryExecutorProvider, text: string): Promise<T[]> {
  const compiled = CompiledQuery.raw(text);
  const result = await client
    .getExecutor()
    .provideConnection((connection) => connection.executeQuery<T>(compiled));
  return result.rows;
}
