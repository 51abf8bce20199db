import { Provider, Type } from '@nestjs/common';
import { EntitySchema } from '@mikro-orm/core';
import { AccessTokenVerifier } from './access-token.verifier';

export { AccessTokenVerifier };
export const OAUTH_ENTITIES: EntitySchema[] = [];
export const OAUTH_PROVIDERS: Provider[] = [AccessTokenVerifier];
export const OAUTH_CONTROLLERS: Type[] = [];
