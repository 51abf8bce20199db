import type { Provider, Type } from '@nestjs/common';
import { AccessTokenVerifier } from './access-token.verifier';
import { AppsService } from './apps/apps.service';
import { GrantsService } from './grants/grants.service';
import { AccessHousekeeping } from './housekeeping';
import { AppsController } from './http/apps.http.controller';
import { ScopesController } from './http/scopes.http.controller';
import { GrantsController } from './http/grants.http.controller';
import { InteractionController } from './interaction/interaction.controller';
import { AppEntity, AppGrantEntity } from './oauth.entities';
import { oauthServerProvider } from './oauth-server';
import { AccessChanges } from './standing/access-changes';

export { AccessTokenVerifier };
export { OAuthServer } from './oauth-server';
export const OAUTH_ENTITIES = [AppEntity, AppGrantEntity];
export const OAUTH_PROVIDERS: Provider[] = [
  AccessChanges,
  oauthServerProvider,
  AccessTokenVerifier,
  AppsService,
  GrantsService,
  AccessHousekeeping,
];
export const OAUTH_CONTROLLERS: Type[] = [
  InteractionController,
  AppsController,
  ScopesController,
  GrantsController,
];
