import { AggregateRoot } from '@tradehub/kernel';
import { checkDirectoryId, checkName } from './directory-ids';

export interface OrganisationState {
  id: string;
  name: string;
  createdAt: Date;
  version: number;
}

/** A seller organisation: its main accounts, their stores, and its staff (API-1). */
export class Organisation extends AggregateRoot implements OrganisationState {
  id!: string;
  name!: string;
  createdAt!: Date;
  version!: number;

  constructor(state: OrganisationState) {
    super();
    Object.assign(this, state);
  }

  get aggregateType(): string {
    return 'organisation';
  }

  get storeId(): string | null {
    return null;
  }

  static create(input: { id: string; name: string }, now: Date): Organisation {
    const organisation = new Organisation({
      id: checkDirectoryId(input.id, 'id'),
      name: checkName(input.name, 'name'),
      createdAt: now,
      version: 1,
    });
    organisation.changed('organisation.created');
    return organisation;
  }

  /** The same create again (a retry): the same name. */
  sameAs(input: { name: string }): boolean {
    return this.name === input.name.trim();
  }
}

export interface MainAccountState {
  id: string;
  organisationId: string;
  name: string;
  createdAt: Date;
  version: number;
}

/** A main account of an organisation: the stores under it; a grant on it covers stores that join later. */
export class MainAccount extends AggregateRoot implements MainAccountState {
  id!: string;
  organisationId!: string;
  name!: string;
  createdAt!: Date;
  version!: number;

  constructor(state: MainAccountState) {
    super();
    Object.assign(this, state);
  }

  get aggregateType(): string {
    return 'main_account';
  }

  get storeId(): string | null {
    return null;
  }

  static create(input: { id: string; name: string }, organisationId: string, now: Date): MainAccount {
    const account = new MainAccount({
      id: checkDirectoryId(input.id, 'id'),
      organisationId,
      name: checkName(input.name, 'name'),
      createdAt: now,
      version: 1,
    });
    account.changed('main_account.created');
    return account;
  }

  sameAs(input: { name: string }, organisationId: string): boolean {
    return this.organisationId === organisationId && this.name === input.name.trim();
  }
}

export interface StoreState {
  id: string;
  mainAccountId: string;
  name: string;
  joinedAt: Date;
  version: number;
}

/** A marketplace store: it joins one main account, for good. */
export class Store extends AggregateRoot implements StoreState {
  id!: string;
  mainAccountId!: string;
  name!: string;
  joinedAt!: Date;
  version!: number;

  constructor(state: StoreState) {
    super();
    Object.assign(this, state);
  }

  get aggregateType(): string {
    return 'store';
  }

  /** The audit record of a store is the store's own. */
  get storeId(): string | null {
    return this.id;
  }

  static join(input: { id: string; name: string }, mainAccountId: string, now: Date): Store {
    const store = new Store({
      id: checkDirectoryId(input.id, 'id'),
      mainAccountId,
      name: checkName(input.name, 'name'),
      joinedAt: now,
      version: 1,
    });
    store.changed('store.joined');
    return store;
  }

  sameAs(input: { name: string }): boolean {
    return this.name === input.name.trim();
  }
}
