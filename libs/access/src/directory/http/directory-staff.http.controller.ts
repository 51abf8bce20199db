import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Page } from '@tradehub/kernel';
import {
  AllowedCallers,
  CurrentPrincipal,
  type Principal,
  RequiredScope,
  SystemClock,
  uuidParam,
} from '@tradehub/platform';
import { DirectoryService } from '../directory.service';
import { noStaffAccount } from '../domain';
import { StaffDirectory } from '../staff-directory';
import { CreateStaffRequest, ListStaffRequest, UpdateStaffRequest } from './directory.dto';
import {
  MeResponse,
  meView,
  OrganisationResponse,
  organisationView,
  StaffPageResponse,
  StaffResponse,
  staffView,
} from './directory.responses';

/**
 * API-1: a seller organisation's admin manages its staff (roles: admin, operator of chosen stores,
 * read-only); every member reads their own account. The token's subject is the staff id; a token
 * of anyone but an active admin of the organisation is refused (403 FORBIDDEN), and a member of
 * another organisation is not found, exactly like a missing one (API-2).
 */
@ApiTags('access')
@ApiBearerAuth()
@Controller('v1/access')
export class DirectoryStaffController {
  private readonly clock = new SystemClock();

  constructor(
    private readonly directory: DirectoryService,
    private readonly staff: StaffDirectory,
  ) {}

  @Get('organisation')
  @RequiredScope('access:admin')
  @AllowedCallers('seller_staff')
  @ApiOperation({ summary: "API-1: the admin's own organisation with its main accounts and stores" })
  @ApiOkResponse({ type: OrganisationResponse })
  async organisation(@CurrentPrincipal() principal: Principal): Promise<OrganisationResponse> {
    return organisationView(await this.directory.organisationOf(principal));
  }

  @Get('staff')
  @RequiredScope('access:admin')
  @AllowedCallers('seller_staff')
  @ApiOperation({ summary: "API-1: the admin's organisation's staff, by username" })
  @ApiOkResponse({ type: StaffPageResponse })
  async list(
    @Query() q: ListStaffRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<StaffResponse>> {
    const page = await this.directory.listStaff(principal, q.cursor, q.limit ?? 50);
    const now = this.clock.now();
    return { items: page.items.map((s) => staffView(s, now)), nextCursor: page.nextCursor };
  }

  @Post('staff')
  @RequiredScope('access:admin')
  @AllowedCallers('seller_staff')
  @HttpCode(201)
  @ApiOperation({
    summary: "API-1: a staff member of the admin's organisation; idempotent on the username",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: StaffResponse, description: 'Staff member created' })
  @ApiOkResponse({ type: StaffResponse, description: 'Already created with the same content' })
  async create(
    @Body() body: CreateStaffRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffResponse> {
    const { created, value } = await this.directory.createStaff(principal, body);
    void reply.status(created ? 201 : 200);
    return staffView(value, this.clock.now());
  }

  @Patch('staff/:staffId')
  @RequiredScope('access:admin')
  @AllowedCallers('seller_staff')
  @ApiOperation({
    summary:
      "API-1: change a member's roles, chosen stores, display name, password (lifts a lockout) or disable them; the last active admin stays",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: StaffResponse })
  async update(
    @Param('staffId', uuidParam('staffId')) staffId: string,
    @Body() body: UpdateStaffRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffResponse> {
    return staffView(await this.directory.updateStaff(principal, staffId, body), this.clock.now());
  }

  @Get('me')
  @RequiredScope('orders:read')
  @AllowedCallers('seller_staff')
  @ApiOperation({
    summary: "The caller's own staff account: roles, the stores and main accounts it reaches now, its scopes",
  })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    const account = await this.staff.account(principal.id);
    if (!account || account.realm !== 'seller') throw noStaffAccount();
    return meView(account);
  }
}
