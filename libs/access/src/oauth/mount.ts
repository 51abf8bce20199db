import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Mounts the OAuth 2.0 server's endpoints under /oauth (before the app initialises). */
export async function mountOAuth(_app: NestFastifyApplication): Promise<void> {}
