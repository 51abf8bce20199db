import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageRequest } from '@tradehub/platform';
import { PLATFORM_ROLES, SELLER_ROLES } from '../../roles';
import { DIRECTORY_ID, DIRECTORY_ID_MESSAGE, MAX_NAME, USERNAME, USERNAME_MESSAGE } from '../domain';
import { MAX_PASSWORD, MIN_PASSWORD } from '../passwords';

const ID_PATTERN = DIRECTORY_ID.source;
const USERNAME_PATTERN = USERNAME.source;
const MAX_STORES = 1000;

const PASSWORD_DOC = {
  minLength: MIN_PASSWORD,
  maxLength: MAX_PASSWORD,
  format: 'password',
  writeOnly: true,
  description: `${MIN_PASSWORD} to ${MAX_PASSWORD} characters; kept only as an argon2id hash`,
} as const;

export class DirectoryEntryRequest {
  @ApiProperty({
    pattern: ID_PATTERN,
    example: 'acct-east',
    description: "The caller's id for it (the marketplace's)",
  })
  @IsString()
  @Matches(DIRECTORY_ID, { message: DIRECTORY_ID_MESSAGE })
  id!: string;

  @ApiProperty({ minLength: 1, maxLength: MAX_NAME, example: 'East' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NAME)
  name!: string;
}

export class CreateMainAccountRequest extends DirectoryEntryRequest {}

export class CreateStoreRequest extends DirectoryEntryRequest {}

export class StaffCredentialsRequest {
  @ApiProperty({
    pattern: USERNAME_PATTERN,
    example: 'li.wei',
    description: 'Unique within the realm; case-insensitive',
  })
  @IsString()
  @Matches(USERNAME, { message: USERNAME_MESSAGE })
  username!: string;

  @ApiProperty(PASSWORD_DOC)
  @IsString()
  @MinLength(MIN_PASSWORD)
  @MaxLength(MAX_PASSWORD)
  password!: string;

  @ApiProperty({ minLength: 1, maxLength: MAX_NAME, example: 'Li Wei' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NAME)
  displayName!: string;
}

export class CreateOrganisationRequest extends DirectoryEntryRequest {
  @ApiProperty({ type: StaffCredentialsRequest, description: "The organisation's first admin" })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => StaffCredentialsRequest)
  admin!: StaffCredentialsRequest;
}

export class CreateOperatorRequest extends StaffCredentialsRequest {
  @ApiProperty({ enum: PLATFORM_ROLES, isArray: true, minItems: 1, example: ['arbitrator'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PLATFORM_ROLES.length)
  @IsIn(PLATFORM_ROLES, { each: true, message: `each role must be one of ${PLATFORM_ROLES.join(', ')}` })
  roles!: string[];
}

export class CreateStaffRequest extends StaffCredentialsRequest {
  @ApiProperty({
    enum: SELLER_ROLES,
    isArray: true,
    minItems: 1,
    example: ['operator'],
    description:
      'admin: the whole organisation, its staff and app grants; operator: the chosen stores; read_only: sees every store',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SELLER_ROLES.length)
  @IsIn(SELLER_ROLES, { each: true, message: `each role must be one of ${SELLER_ROLES.join(', ')}` })
  roles!: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_STORES,
    example: ['store-shenzhen'],
    description:
      "Required for the operator role (and only for it): stores of the organisation's main accounts",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_STORES)
  @Matches(DIRECTORY_ID, { each: true, message: `each store id ${DIRECTORY_ID_MESSAGE}` })
  storeIds?: string[];
}

export class UpdateStaffRequest {
  @ApiPropertyOptional({ enum: SELLER_ROLES, isArray: true, minItems: 1 })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SELLER_ROLES.length)
  @IsIn(SELLER_ROLES, { each: true, message: `each role must be one of ${SELLER_ROLES.join(', ')}` })
  roles?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_STORES,
    description: "An operator's stores (replaces them); dropped when the operator role is",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_STORES)
  @Matches(DIRECTORY_ID, { each: true, message: `each store id ${DIRECTORY_ID_MESSAGE}` })
  storeIds?: string[];

  @ApiPropertyOptional({ description: 'true: the account can no longer sign in' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ ...PASSWORD_DOC, description: `${PASSWORD_DOC.description}; also lifts a lockout` })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD)
  @MaxLength(MAX_PASSWORD)
  password?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_NAME })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NAME)
  displayName?: string;
}

export class ListStaffRequest extends PageRequest {}
