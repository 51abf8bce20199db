import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AllowedCallers, ALL_SCOPES, RequiredScope, SCOPES } from '@tradehub/platform';
import { scopeAllowed } from '../apps/app';

export class ScopeResponse {
  @ApiProperty({ example: 'orders:read' }) scope!: string;
  @ApiProperty({ example: 'Read orders, packages, tracking, carriers and review tasks' })
  description!: string;
  @ApiProperty({
    description: 'A partner (ERP) app may ask for it; a seller admin grants it on the consent page',
  })
  partner!: boolean;
  @ApiProperty({ description: 'A service app may hold it with its own credentials' }) service!: boolean;
}

/** API-1: the scopes an app may be registered with, as the registration checks them. */
@ApiTags('access')
@ApiBearerAuth()
@AllowedCallers('operator')
@Controller('v1/access/scopes')
export class ScopesController {
  @Get()
  @RequiredScope('apps:manage')
  @ApiOperation({ summary: 'API-1: every scope, what it opens, and which kinds of app may hold it' })
  @ApiOkResponse({ type: [ScopeResponse] })
  list(): ScopeResponse[] {
    return ALL_SCOPES.map((scope) => ({
      scope,
      description: SCOPES[scope],
      partner: scopeAllowed('partner', scope),
      service: scopeAllowed('service', scope),
    }));
  }
}
