import { Body, Controller, Delete, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RuleViolation } from '@tradehub/kernel';
import { AllowedCallers, CurrentPrincipal, type Principal, RequiredScope } from '@tradehub/platform';
import { DirectoryService } from '../../directory';
import { foreignChoice } from '../grants/grant-choice';
import { GrantsService } from '../grants/grants.service';
import { ChangeGrantRequest, GrantListResponse, GrantResponse, ListGrantsRequest } from './oauth.dto';
import { grantIdParam } from './params';

/**
 * API-1: a seller admin's view of the apps their organisation granted. Narrowing or revoking a
 * grant applies to the app's next call, tokens issued before included.
 */
@ApiTags('access')
@ApiBearerAuth()
@AllowedCallers('seller_staff')
@Controller('v1/access/grants')
export class GrantsController {
  constructor(
    private readonly grants: GrantsService,
    private readonly directory: DirectoryService,
  ) {}

  @Get()
  @RequiredScope('access:admin')
  @ApiOperation({
    summary: "API-1: the apps granted access to the organisation's stores, with what each covers",
  })
  @ApiOkResponse({ type: GrantListResponse })
  async list(
    @Query() q: ListGrantsRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GrantListResponse> {
    // The directory's own check: an active admin of a seller organisation, else 403.
    const organisation = await this.directory.organisationOf(principal);
    return { items: await this.grants.list(organisation.id, q.includeRevoked === 'true') };
  }

  @Patch(':grantId')
  @RequiredScope('access:admin')
  @ApiOperation({
    summary:
      "API-1: set the stores and main accounts a grant covers (e.g. remove a store); applies at the app's next call",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: GrantResponse })
  async change(
    @Param('grantId', grantIdParam) grantId: string,
    @Body() body: ChangeGrantRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GrantResponse> {
    const organisation = await this.directory.organisationOf(principal);
    const foreign = foreignChoice(organisation, body.storeIds, body.mainAccountIds);
    if (foreign)
      throw new RuleViolation('NOT_OWN_STORE', `not a ${foreign.what} of your organisation`, foreign.field);
    return this.grants.reshape(organisation.id, grantId, body.storeIds, body.mainAccountIds);
  }

  @Delete(':grantId')
  @RequiredScope('access:admin')
  @ApiOperation({
    summary:
      "API-1: revoke a grant: the app's refresh tokens end and its access tokens are refused from the next call",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: GrantResponse })
  async revoke(
    @Param('grantId', grantIdParam) grantId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<GrantResponse> {
    const organisation = await this.directory.organisationOf(principal);
    return this.grants.revoke(organisation.id, grantId, principal.id);
  }
}
