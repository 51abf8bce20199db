import { ApiProperty } from '@nestjs/swagger';
import { scopesOfRoles } from '../../roles';
import type { OrganisationTree } from '../database/directory.repository';
import type { MainAccount, Staff, Store } from '../domain';
import type { StaffAccount } from '../staff-directory';

export class StoreSummaryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class MainAccountTreeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [StoreSummaryResponse] }) stores!: StoreSummaryResponse[];
}

export class OrganisationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [MainAccountTreeResponse] }) mainAccounts!: MainAccountTreeResponse[];
}

export class MainAccountResponse {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() createdAt!: string;
}

export class StoreResponse {
  @ApiProperty() id!: string;
  @ApiProperty() mainAccountId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'When the store joined its main account' }) joinedAt!: string;
}

/** A staff account as its admin (or an operator) sees it; never its password or hash. */
export class StaffResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['seller', 'platform'] }) realm!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null for platform operators' })
  organisationId!: string | null;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [String], description: "An operator's chosen stores" }) storeIds!: string[];
  @ApiProperty() disabled!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Locked after repeated failed sign-ins until then',
  })
  lockedUntil!: string | null;
  @ApiProperty() createdAt!: string;
}

export class StaffPageResponse {
  @ApiProperty({ type: [StaffResponse] }) items!: StaffResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class CreatedOrganisationResponse extends OrganisationResponse {
  @ApiProperty({ type: StaffResponse, description: "The organisation's first admin" }) admin!: StaffResponse;
}

/** The caller's own account: roles, the stores it reaches now and the scopes its roles open. */
export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['seller', 'platform'] }) realm!: string;
  @ApiProperty({ nullable: true, type: String }) organisationId!: string | null;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({
    type: [String],
    description:
      'Effective now: admin and read_only, every store of the organisation; operator, the chosen ones',
  })
  storeIds!: string[];
  @ApiProperty({ type: [String], description: 'Admin and read_only: every main account of the organisation' })
  mainAccountIds!: string[];
  @ApiProperty({ type: [String], description: 'The scopes the roles open' }) scopes!: string[];
  @ApiProperty() disabled!: boolean;
}

export const organisationView = (tree: OrganisationTree): OrganisationResponse => ({
  id: tree.id,
  name: tree.name,
  mainAccounts: tree.mainAccounts.map((m) => ({
    id: m.id,
    name: m.name,
    stores: m.stores.map((s) => ({ id: s.id, name: s.name })),
  })),
});

export const mainAccountView = (m: MainAccount): MainAccountResponse => ({
  id: m.id,
  organisationId: m.organisationId,
  name: m.name,
  createdAt: m.createdAt.toISOString(),
});

export const storeView = (s: Store): StoreResponse => ({
  id: s.id,
  mainAccountId: s.mainAccountId,
  name: s.name,
  joinedAt: s.joinedAt.toISOString(),
});

/** `now`: real time, as the lockout runs on (a lock that ran out shows as none). */
export const staffView = (s: Staff, now: Date): StaffResponse => ({
  id: s.id,
  realm: s.realm,
  organisationId: s.organisationId,
  username: s.username,
  displayName: s.displayName,
  roles: [...s.roles],
  storeIds: [...s.storeIds],
  disabled: s.disabled,
  lockedUntil: s.isLocked(now) ? s.lockedUntil!.toISOString() : null,
  createdAt: s.createdAt.toISOString(),
});

export const meView = (account: StaffAccount): MeResponse => ({
  id: account.id,
  realm: account.realm,
  organisationId: account.organisationId,
  username: account.username,
  displayName: account.displayName,
  roles: account.roles,
  storeIds: account.storeIds,
  mainAccountIds: account.mainAccountIds,
  scopes: scopesOfRoles(account.roles),
  disabled: account.disabled,
});
