import { Body, Controller, Delete, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RuleViolation } from '@tradehub/kernel';
import { AllowedCallers, CurrentPrincipal, type Principal, RequiredScope } from '@tradehub/platform';
import { StaffDirectory } from '../../directory';
import { GrantsService } from '../grants/grants.service';
import { sellerAdmin } from './admin';
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
    private readonly directory: StaffDirectory,
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
    const admin = await sellerAdmin(this.directory, principal);
    return { items: await this.grants.list(admin.organisationId!, q.includeRevoked === 'true') };
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
    const admin = await sellerAdmin(this.directory, principal);
    const tree = await this.directory.organisationTree(admin.organisationId!);
    const stores = new Set(tree.mainAccounts.flatMap((m) => m.stores.map((s) => s.id)));
    const accounts = new Set(tree.mainAccounts.map((m) => m.id));
    body.storeIds.forEach((s, i) => {
      if (!stores.has(s)) throw notOwn(`storeIds[${i}]`, 'store');
    });
    body.mainAccountIds.forEach((m, i) => {
      if (!accounts.has(m)) throw notOwn(`mainAccountIds[${i}]`, 'main account');
    });
    return this.grants.reshape(admin.organisationId!, grantId, body.storeIds, body.mainAccountIds);
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
    const admin = await sellerAdmin(this.directory, principal);
    return this.grants.revoke(admin.organisationId!, grantId, principal.id);
  }
}

function notOwn(field: string, what: string) {
  return new RuleViolation('NOT_OWN_STORE', `not a ${what} of your organisation`, field);
}
