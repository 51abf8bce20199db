import type { OrganisationTree } from '../../directory';

/**
 * The first store or main account a grant's choice names that is not the organisation's, as the
 * field to blame (`storeIds[1]`) and what it is; null when all are its own. The consent page and
 * an admin's change of a grant check the same way.
 */
export function foreignChoice(
  tree: OrganisationTree,
  storeIds: readonly string[],
  mainAccountIds: readonly string[],
): { field: string; what: 'store' | 'main account' } | null {
  const stores = new Set(tree.mainAccounts.flatMap((m) => m.stores.map((s) => s.id)));
  const accounts = new Set(tree.mainAccounts.map((m) => m.id));
  const store = storeIds.findIndex((s) => !stores.has(s));
  if (store >= 0) return { field: `storeIds[${store}]`, what: 'store' };
  const account = mainAccountIds.findIndex((m) => !accounts.has(m));
  if (account >= 0) return { field: `mainAccountIds[${account}]`, what: 'main account' };
  return null;
}
