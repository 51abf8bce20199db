import { Provider, Type } from '@nestjs/common';
import { EntitySchema } from '@mikro-orm/core';

// Filled by the staff directory (organisations, main accounts, stores, staff).
export const DIRECTORY_ENTITIES: EntitySchema[] = [];
export const DIRECTORY_PROVIDERS: Provider[] = [];
export const DIRECTORY_CONTROLLERS: Type[] = [];
