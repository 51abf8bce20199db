import { Global, Module } from '@nestjs/common';
import { contextDatabase, IssuedTokenVerifier } from '@tradehub/platform';
import { accessConfig } from './access.config';
import { DIRECTORY_CONTROLLERS, DIRECTORY_ENTITIES, DIRECTORY_PROVIDERS } from './directory';
import { AccessTokenVerifier, OAUTH_CONTROLLERS, OAUTH_ENTITIES, OAUTH_PROVIDERS } from './oauth';

/**
 * Partner access (API-1..3): who may call and on which stores. Seller organisations, stores and
 * staff, the platform's operators, partner and service apps, and the OAuth 2.0 server that signs
 * their tokens. Every process serving the API runs it: the guard asks it about each token.
 */
@Global()
@Module({
  controllers: [...DIRECTORY_CONTROLLERS, ...OAUTH_CONTROLLERS],
  providers: [
    ...contextDatabase('access', [...DIRECTORY_ENTITIES, ...OAUTH_ENTITIES]),
    ...accessConfig,
    ...DIRECTORY_PROVIDERS,
    ...OAUTH_PROVIDERS,
    { provide: IssuedTokenVerifier, useExisting: AccessTokenVerifier },
  ],
  exports: [IssuedTokenVerifier],
})
export class AccessModule {}
