import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OAuthServer } from './oauth-server';

/**
 * Mounts the OAuth 2.0 server under /oauth, before the app initialises. Fastify's middleware layer
 * runs before its body parsers, so oidc-provider reads its own request bodies, and it sees the
 * mount path in `originalUrl` for every URL it writes. RFC 8414 metadata is also served at
 * `/.well-known/oauth-authorization-server/oauth`, where clients look for an issuer with a path.
 */
export function mountOAuth(app: NestFastifyApplication): void {
  const callback = app.get(OAuthServer).provider.callback();
  app.use('/oauth', callback);
  app.use(
    '/.well-known/oauth-authorization-server/oauth',
    (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) => {
      req.originalUrl = '/oauth/.well-known/oauth-authorization-server';
      req.url = '/.well-known/oauth-authorization-server';
      return callback(req, res);
    },
  );
}
