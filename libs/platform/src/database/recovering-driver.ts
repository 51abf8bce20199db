import { Configuration, PoolConfig, PostgreSqlConnection, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { PostgresDialect } from 'kysely';
import { isDatabaseUnavailable } from './unavailable';

/**
 * A lost connection must not cost the pool a slot. Kysely hands a transaction's connection back
 * only after its ROLLBACK succeeded; on a connection the server already ended, ROLLBACK fails and
 * the connection would stay checked out for good (a pool of ten survives ten lost connections).
 * The server rolled that transaction back when it ended the connection, so the failure is taken
 * as the rollback it is; the pool then drops the dead connection on release.
 */
class RecoveringConnection extends PostgreSqlConnection {
  override createKyselyDialect(overrides: PoolConfig): PostgresDialect {
    const dialect = super.createKyselyDialect(overrides);
    const createDriver = dialect.createDriver.bind(dialect);
    dialect.createDriver = () => {
      const driver = createDriver();
      const rollback = driver.rollbackTransaction.bind(driver);
      driver.rollbackTransaction = async (connection) => {
        try {
          await rollback(connection);
        } catch (error) {
          if (!isDatabaseUnavailable(error)) throw error;
        }
      };
      return driver;
    };
    return dialect;
  }
}

export class RecoveringPostgreSqlDriver extends PostgreSqlDriver {
  constructor(config: Configuration) {
    super(config);
    (this as unknown as { connection: PostgreSqlConnection }).connection = new RecoveringConnection(
      this.config,
    );
  }
}
