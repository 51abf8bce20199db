import { INestApplicationContext, Logger } from '@nestjs/common';
import { ConflictError } from '@tradehub/kernel';
import { requestContext } from '@tradehub/platform';
import { DirectoryService } from './directory.service';
import { StaffDirectory } from './staff-directory';

/** The sandbox's seller organisation and sign-ins (documented in README.md; sandbox only). */
export const DEMO_ACCESS = {
  // The seller id the demo orders carry: one organisation is one seller.
  organisationId: 'seller-demo',
  admin: { username: 'demo-admin', password: 'demo-admin-password', displayName: 'Demo admin' },
  operator: {
    username: 'demo-operator',
    password: 'demo-operator-password',
    displayName: 'Demo operator',
    roles: ['platform_admin'],
  },
} as const;

/**
 * Seeds the sandbox's directory: organisation `seller-demo` with the given main accounts and their
 * stores, its admin `demo-admin` and a platform_admin operator `demo-operator`. Seeding again
 * changes nothing; what a sandbox user changed since (a password, say) is left as it is.
 */
export async function seedAccessDemo(
  app: INestApplicationContext,
  accounts: Readonly<Record<string, readonly string[]>>,
): Promise<void> {
  const directory = app.get(DirectoryService, { strict: false });
  const staff = app.get(StaffDirectory, { strict: false });
  const logger = new Logger('demo');
  const principal = { id: 'demo-seeder', kind: 'service' as const, stores: '*' as const, scopes: [] };
  const tolerate = async (what: string, work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      // Changed in the sandbox since it was seeded: keep the change.
      if (!(error instanceof ConflictError)) throw error;
      logger.warn(`demo ${what} left as it is: ${error.message}`);
    }
  };
  await requestContext.run({ requestId: 'demo-seed', principal }, async () => {
    const { organisationId, admin, operator } = DEMO_ACCESS;
    const exists = await staff.organisationTree(organisationId).then(
      () => true,
      () => false,
    );
    if (!exists)
      await tolerate('organisation', () =>
        directory.createOrganisation({ id: organisationId, name: 'Demo seller', admin }),
      );
    for (const [mainAccountId, stores] of Object.entries(accounts)) {
      await tolerate(`main account ${mainAccountId}`, () =>
        directory.addMainAccount(organisationId, { id: mainAccountId, name: mainAccountId }),
      );
      for (const storeId of stores)
        await tolerate(`store ${storeId}`, () =>
          directory.addStore(mainAccountId, { id: storeId, name: storeId }),
        );
    }
    await tolerate('operator', () => directory.createOperator({ ...operator, roles: [...operator.roles] }));
  });
}
