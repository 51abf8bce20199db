import { Provider, Type } from '@nestjs/common';
import { EntitySchema } from '@mikro-orm/core';
import { DIRECTORY_ENTITY_SCHEMAS } from './database/directory.entities';
import { DirectoryRepository } from './database/directory.repository';
import { DirectoryService } from './directory.service';
import { DirectoryOperatorsController } from './http/directory-operators.http.controller';
import { DirectoryStaffController } from './http/directory-staff.http.controller';
import { StaffDirectory } from './staff-directory';

export {
  StaffDirectory,
  type StaffAccount,
  type AuthenticationResult,
  type OrganisationTree,
} from './staff-directory';
export { DirectoryService } from './directory.service';
export { seedAccessDemo, DEMO_ACCESS } from './demo';

/** Seller organisations, main accounts, stores and staff; platform operators (API-1). */
export const DIRECTORY_ENTITIES: EntitySchema[] = DIRECTORY_ENTITY_SCHEMAS;
export const DIRECTORY_PROVIDERS: Provider[] = [DirectoryRepository, StaffDirectory, DirectoryService];
export const DIRECTORY_CONTROLLERS: Type[] = [DirectoryOperatorsController, DirectoryStaffController];
