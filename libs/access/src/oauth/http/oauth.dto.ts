import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ALL_SCOPES } from '@tradehub/platform';

const CLIENT_ID = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const REF_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class RegisterAppRequest {
  @ApiProperty({
    example: 'erp-dianxiaomi',
    description: 'Lower-case letters, digits, dot, dash, underscore; 3-64',
  })
  @Matches(CLIENT_ID, { message: 'must be 3-64 lower-case letters, digits, ".", "_" or "-"' })
  clientId!: string;

  @ApiProperty({ example: '店小秘 ERP', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    enum: ['partner', 'service'],
    description: "partner: authorization code + PKCE on a seller's consent; service: client credentials",
  })
  @IsIn(['partner', 'service'], { message: 'must be partner or service' })
  kind!: 'partner' | 'service';

  @ApiProperty({
    type: [String],
    example: ['https://erp.example/oauth/callback'],
    description: 'Exact redirect URIs (partner apps)',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  redirectUris!: string[];

  @ApiProperty({ type: [String], enum: ALL_SCOPES, example: ['orders:read', 'shipments:write'] })
  @IsArray()
  @ArrayMaxSize(ALL_SCOPES.length)
  @IsString({ each: true })
  scopes!: string[];

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 1_000_000,
    nullable: true,
    description: "Requests per minute; the deployment's default when absent",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  rateLimitPerMinute?: number | null;
}

export class ChangeAppRequest {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  redirectUris?: string[];

  @ApiPropertyOptional({ type: [String], enum: ALL_SCOPES })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  scopes?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 1_000_000, nullable: true })
  @ValidateIf((o: ChangeAppRequest) => o.rateLimitPerMinute !== null && o.rateLimitPerMinute !== undefined)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  rateLimitPerMinute?: number | null;

  @ApiPropertyOptional({ description: 'A disabled app gets no tokens; its grants and refresh tokens end' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class AppResponse {
  @ApiProperty() clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['partner', 'service', 'first_party'] }) kind!: string;
  @ApiProperty({ type: [String] }) redirectUris!: string[];
  @ApiProperty({ type: [String] }) scopes!: string[];
  @ApiProperty({ type: Number, nullable: true }) rateLimitPerMinute!: number | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() disabled!: boolean;
}

export class RegisteredAppResponse extends AppResponse {
  @ApiPropertyOptional({
    description: 'Shown once, at registration or rotation; tradehub keeps only its hash',
  })
  clientSecret?: string;
}

export class AppListResponse {
  @ApiProperty({ type: [AppResponse] }) items!: AppResponse[];
}

export class ChangeGrantRequest {
  @ApiProperty({ type: [String], description: 'Stores the app keeps' })
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(REF_ID, { each: true, message: 'each must be a store id' })
  storeIds!: string[];

  @ApiProperty({ type: [String], description: 'Main accounts the app keeps (with their later stores)' })
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(REF_ID, { each: true, message: 'each must be a main account id' })
  mainAccountIds!: string[];
}

export class ListGrantsRequest {
  @ApiPropertyOptional({ description: 'Also revoked grants' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeRevoked?: 'true' | 'false';
}

export class GrantResponse {
  @ApiProperty() grantId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty() appName!: string;
  @ApiProperty({ description: 'The admin who consented' }) grantedBy!: string;
  @ApiProperty({ type: [String] }) storeIds!: string[];
  @ApiProperty({ type: [String] }) mainAccountIds!: string[];
  @ApiProperty({ type: [String] }) scopes!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({
    description: "Whether the app's tokens of this grant are accepted (not revoked, not expired)",
  })
  active!: boolean;
}

export class GrantListResponse {
  @ApiProperty({ type: [GrantResponse] }) items!: GrantResponse[];
}
