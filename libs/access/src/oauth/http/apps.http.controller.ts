import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AllowedCallers,
  CurrentPrincipal,
  type Principal,
  RequiredScope,
  SecretInAnswer,
} from '@tradehub/platform';
import { AppsService } from '../apps/apps.service';
import { clientIdParam } from './params';
import {
  AppListResponse,
  AppResponse,
  ChangeAppRequest,
  RegisterAppRequest,
  RegisteredAppResponse,
} from './oauth.dto';

/** API-1: platform operators register partner (ERP) and service apps and set their rate limits. */
@ApiTags('access')
@ApiBearerAuth()
@AllowedCallers('operator')
@Controller('v1/access/apps')
export class AppsController {
  constructor(private readonly apps: AppsService) {}

  @Post()
  @RequiredScope('apps:manage')
  @ApiOperation({
    summary:
      'API-1: register a partner app (authorization code + PKCE, redirect URIs) or a service (client credentials); the secret is in this answer only',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    type: RegisteredAppResponse,
    description:
      'With `clientSecret`, this once: a retry (same client id and details, or the same Idempotency-Key) answers without it',
  })
  @SecretInAnswer('clientSecret')
  @Header('cache-control', 'no-store')
  register(
    @Body() body: RegisterAppRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RegisteredAppResponse> {
    return this.apps.register(
      {
        clientId: body.clientId,
        name: body.name,
        kind: body.kind,
        redirectUris: body.redirectUris,
        scopes: body.scopes,
        rateLimitPerMinute: body.rateLimitPerMinute ?? null,
      },
      principal.id,
    );
  }

  @Get()
  @RequiredScope('apps:manage')
  @ApiOperation({ summary: 'API-1: the registered apps (never their secrets)' })
  @ApiOkResponse({ type: AppListResponse })
  async list(): Promise<AppListResponse> {
    return { items: await this.apps.list() };
  }

  @Get(':clientId')
  @RequiredScope('apps:manage')
  @ApiOperation({ summary: 'API-1: one app' })
  @ApiOkResponse({ type: AppResponse })
  get(@Param('clientId', clientIdParam) clientId: string): Promise<AppResponse> {
    return this.apps.get(clientId);
  }

  @Patch(':clientId')
  @RequiredScope('apps:manage')
  @ApiOperation({
    summary:
      "API-1: change an app's name, redirect URIs, scopes or rate limit, or disable it (its grants end)",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: AppResponse })
  change(
    @Param('clientId', clientIdParam) clientId: string,
    @Body() body: ChangeAppRequest,
  ): Promise<AppResponse> {
    return this.apps.change(clientId, body);
  }

  @Post(':clientId/secret')
  @HttpCode(200)
  @RequiredScope('apps:manage')
  @ApiOperation({
    summary: 'API-1: a new client secret, shown in this answer only; the old one stops working at once',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({
    type: RegisteredAppResponse,
    description: 'With `clientSecret`, this once: an Idempotency-Key replay answers without it',
  })
  @SecretInAnswer('clientSecret')
  @Header('cache-control', 'no-store')
  rotate(@Param('clientId', clientIdParam) clientId: string): Promise<RegisteredAppResponse> {
    return this.apps.rotateSecret(clientId);
  }
}
