import { ConflictError, DomainError, NotFoundError, RuleViolation } from '@tradehub/kernel';

/** The caller is who they say, but may not do this (403). */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden' as const;
  readonly code = 'FORBIDDEN';
}

export const notAnAdmin = () =>
  new Forbidden('this operation is open to an active admin of a seller organisation only');

export const noStaffAccount = () => new Forbidden('no active staff account stands behind this token');

export const organisationNotFound = () => new NotFoundError('ORGANISATION_NOT_FOUND', 'no such organisation');

export const mainAccountNotFound = () => new NotFoundError('MAIN_ACCOUNT_NOT_FOUND', 'no such main account');

/** API-2: a staff member of another organisation answers exactly like a missing one. */
export const staffNotFound = () => new NotFoundError('STAFF_NOT_FOUND', 'no such staff member');

export const organisationExists = () =>
  new ConflictError('ORGANISATION_EXISTS', 'an organisation with this id exists with other content', 'id');

export const mainAccountExists = () =>
  new ConflictError('MAIN_ACCOUNT_EXISTS', 'a main account with this id exists with other content', 'id');

export const storeExists = () =>
  new ConflictError('STORE_EXISTS', 'a store with this id exists with other content', 'id');

export const storeInOtherMainAccount = () =>
  new ConflictError(
    'STORE_IN_OTHER_MAIN_ACCOUNT',
    'this store already belongs to another main account',
    'id',
  );

export const usernameTaken = (field = 'username') =>
  new ConflictError('USERNAME_TAKEN', 'this username is taken (by an account with other content)', field);

export const storeNotInOrganisation = (field: string) =>
  new RuleViolation('STORE_NOT_IN_ORGANISATION', "not a store of the organisation's main accounts", field);

export const storesRequired = () =>
  new RuleViolation('STORES_REQUIRED', 'an operator works chosen stores: name at least one', 'storeIds');

export const storesOnlyForOperators = () =>
  new RuleViolation(
    'STORES_ONLY_FOR_OPERATORS',
    'only the operator role works chosen stores; admin and read_only see every store',
    'storeIds',
  );

export const lastAdmin = (field: string) =>
  new RuleViolation('LAST_ADMIN', 'the organisation must keep at least one active admin', field);
