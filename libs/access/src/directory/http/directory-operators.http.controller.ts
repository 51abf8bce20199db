import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AllowedCallers, RequiredScope, SystemClock } from '@tradehub/platform';
import { DirectoryService } from '../directory.service';
import { DIRECTORY_ID } from '../domain';
import { StaffDirectory } from '../staff-directory';
import { directoryIdParam } from './directory-id.param';
import {
  CreateMainAccountRequest,
  CreateOperatorRequest,
  CreateOrganisationRequest,
  CreateStoreRequest,
} from './directory.dto';
import {
  CreatedOrganisationResponse,
  MainAccountResponse,
  mainAccountView,
  OrganisationResponse,
  organisationView,
  StaffResponse,
  staffView,
  StoreResponse,
  storeView,
} from './directory.responses';

const ID_PARAM = { schema: { type: 'string', pattern: DIRECTORY_ID.source } } as const;

/**
 * API-1: the platform's operators set up seller organisations (their main accounts and stores, and
 * each one's first admin) and the platform's own operator accounts. Creates are idempotent on the
 * caller's id (or username): the same content again answers 200 with the first result, other
 * content for that id is a 409.
 */
@ApiTags('access')
@ApiBearerAuth()
@Controller('v1/access')
export class DirectoryOperatorsController {
  private readonly clock = new SystemClock();

  constructor(
    private readonly directory: DirectoryService,
    private readonly staff: StaffDirectory,
  ) {}

  @Post('organisations')
  @RequiredScope('apps:manage')
  @AllowedCallers('operator')
  @HttpCode(201)
  @ApiOperation({
    summary: 'API-1: a seller organisation and its first admin; idempotent on the organisation id',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: CreatedOrganisationResponse, description: 'Organisation created' })
  @ApiOkResponse({ type: CreatedOrganisationResponse, description: 'Already created with the same content' })
  async createOrganisation(
    @Body() body: CreateOrganisationRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedOrganisationResponse> {
    const { created, value } = await this.directory.createOrganisation(body);
    void reply.status(created ? 201 : 200);
    const tree = await this.staff.organisationTree(value.organisationId);
    return { ...organisationView(tree), admin: staffView(value.admin, this.clock.now()) };
  }

  @Get('organisations/:organisationId')
  @RequiredScope('apps:manage')
  @AllowedCallers('operator')
  @ApiOperation({ summary: 'API-1: an organisation with its main accounts and their stores' })
  @ApiParam({ name: 'organisationId', ...ID_PARAM })
  @ApiOkResponse({ type: OrganisationResponse })
  async organisation(
    @Param('organisationId', directoryIdParam('organisationId')) organisationId: string,
  ): Promise<OrganisationResponse> {
    return organisationView(await this.staff.organisationTree(organisationId));
  }

  @Post('organisations/:organisationId/main-accounts')
  @RequiredScope('apps:manage')
  @AllowedCallers('operator')
  @HttpCode(201)
  @ApiOperation({ summary: "API-1: a main account of an organisation; idempotent on the main account's id" })
  @ApiParam({ name: 'organisationId', ...ID_PARAM })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: MainAccountResponse, description: 'Main account created' })
  @ApiOkResponse({ type: MainAccountResponse, description: 'Already created with the same content' })
  async addMainAccount(
    @Param('organisationId', directoryIdParam('organisationId')) organisationId: string,
    @Body() body: CreateMainAccountRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MainAccountResponse> {
    const { created, value } = await this.directory.addMainAccount(organisationId, body);
    void reply.status(created ? 201 : 200);
    return mainAccountView(value);
  }

  @Post('main-accounts/:mainAccountId/stores')
  @RequiredScope('apps:manage')
  @AllowedCallers('operator')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "API-1: a store joins a main account (grants on the main account cover it from now on); idempotent on the store's id",
  })
  @ApiParam({ name: 'mainAccountId', ...ID_PARAM })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: StoreResponse, description: 'Store joined' })
  @ApiOkResponse({ type: StoreResponse, description: 'Already joined with the same content' })
  async addStore(
    @Param('mainAccountId', directoryIdParam('mainAccountId')) mainAccountId: string,
    @Body() body: CreateStoreRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StoreResponse> {
    const { created, value } = await this.directory.addStore(mainAccountId, body);
    void reply.status(created ? 201 : 200);
    return storeView(value);
  }

  @Post('operators')
  @RequiredScope('apps:manage')
  @AllowedCallers('operator')
  @HttpCode(201)
  @ApiOperation({
    summary: 'A platform operator account (its own realm, duty roles); idempotent on the username',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: StaffResponse, description: 'Operator account created' })
  @ApiOkResponse({ type: StaffResponse, description: 'Already created with the same content' })
  async createOperator(
    @Body() body: CreateOperatorRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffResponse> {
    const { created, value } = await this.directory.createOperator(body);
    void reply.status(created ? 201 : 200);
    return staffView(value, this.clock.now());
  }
}
