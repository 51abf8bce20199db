import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig, migrate, openMigrator, PrincipalKind, TokenService } from '@tradehub/platform';
import { ALL_MIGRATIONS } from './bootstrap/migrations';

const USAGE = `usage:
  tradehub migrate                                   apply pending migrations to DATABASE_URL
  tradehub token --kind KIND [--sub ID] [--stores s1,s2|*] [--ttl SECONDS]
                                                     mint a dev bearer token (KIND: seller_staff, partner_app, operator, service)`;

/** Operator commands: `migrate` and `token`. */
async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  if (command === 'migrate') {
    if (!config.databaseUrl) throw new Error('DATABASE_URL is required for migrate');
    const orm = await openMigrator(config.databaseUrl, ALL_MIGRATIONS);
    const applied = await migrate(orm);
    await orm.close();
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'up to date');
    return;
  }
  if (command === 'token') {
    // Dev tokens are the sandbox's: outside it partners, staff and services sign in with OAuth 2.0.
    if (!config.auth.devTokens)
      throw new Error('token: dev tokens are for the sandbox only (SANDBOX=true or AUTH_DEV_TOKENS=true)');
    const { values } = parseArgs({
      args: rest,
      options: {
        kind: { type: 'string' },
        sub: { type: 'string' },
        stores: { type: 'string' },
        ttl: { type: 'string' },
      },
    });
    const kind = values.kind as PrincipalKind | undefined;
    if (!kind || !['seller_staff', 'partner_app', 'operator', 'service'].includes(kind))
      throw new Error(USAGE);
    if (values.stores === '*' && (kind === 'seller_staff' || kind === 'partner_app')) {
      throw new Error('sellers and partner apps are granted named stores: --stores s1,s2');
    }
    const stores = !values.stores || values.stores === '*' ? '*' : values.stores.split(',');
    const token = await new TokenService(config).mint(
      { id: values.sub ?? `dev-${kind}`, kind, stores, scopes: [] },
      Number(values.ttl ?? 12 * 3600),
    );
    console.log(token);
    return;
  }
  throw new Error(USAGE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
