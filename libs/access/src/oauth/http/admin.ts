import { type Principal, problem, ProblemException } from '@tradehub/platform';
import type { StaffAccount, StaffDirectory } from '../../directory';

/** The seller admin behind a request: staff of the seller realm with the admin role, not disabled. */
export async function sellerAdmin(directory: StaffDirectory, principal: Principal): Promise<StaffAccount> {
  const account = /^[0-9a-f-]{36}$/i.test(principal.id) ? await directory.account(principal.id) : null;
  if (!account || account.disabled || account.realm !== 'seller' || !account.roles.includes('admin'))
    throw new ProblemException(
      problem(403, 'FORBIDDEN', "Only an admin of a seller organisation manages its apps' grants"),
    );
  return account;
}
