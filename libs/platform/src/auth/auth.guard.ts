import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { problem, ProblemException } from '../http/problem';
import { ALLOWED_KINDS, PUBLIC_ROUTE } from './decorators';
import { IssuedTokenVerifier, Principal, PrincipalKind } from './principal';
import { REQUIRED_SCOPE, Scope } from './scopes';
import { InvalidToken, TokenService } from './token.service';

/**
 * Every route needs a valid bearer token unless marked @Public(); the principal rides on the request.
 * Tokens of tradehub's OAuth 2.0 server are checked by the access module; HS256 dev tokens (the CLI)
 * only where AUTH_DEV_TOKENS allows them (the sandbox). A route's scope is checked last (403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly issued?: IssuedTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) {
      throw new ProblemException(
        problem(401, 'UNAUTHENTICATED', 'A bearer token is required', [
          { field: 'authorization', message: 'missing bearer token' },
        ]),
        { 'www-authenticate': 'Bearer' },
      );
    }
    const principal = await this.authenticate(header.slice('Bearer '.length).trim());
    const allowed = this.reflector.getAllAndOverride<PrincipalKind[] | undefined>(ALLOWED_KINDS, targets);
    if (allowed && !allowed.includes(principal.kind)) {
      throw new ProblemException(
        problem(403, 'FORBIDDEN', `This operation is not open to ${principal.kind} callers`),
      );
    }
    const scope = this.reflector.getAllAndOverride<Scope | undefined>(REQUIRED_SCOPE, targets);
    if (scope && !principal.scopes.includes(scope)) {
      throw new ProblemException(
        problem(403, 'INSUFFICIENT_SCOPE', `This operation needs the scope ${scope}`, [
          { field: 'scope', message: `missing scope ${scope}` },
        ]),
        { 'www-authenticate': `Bearer error="insufficient_scope", scope="${scope}"` },
      );
    }
    request.principal = principal;
    return true;
  }

  private async authenticate(token: string): Promise<Principal> {
    try {
      if (headerAlg(token) === 'HS256') {
        if (!this.config.auth.devTokens)
          throw new InvalidToken('development tokens are accepted only in the sandbox');
        return await this.tokens.verify(token);
      }
      if (!this.issued) throw new InvalidToken('token not issued by this deployment');
      return await this.issued.verify(token);
    } catch (error) {
      if (error instanceof ProblemException) throw error;
      const reason = error instanceof InvalidToken ? error.message : 'invalid token';
      throw new ProblemException(
        problem(401, 'INVALID_TOKEN', reason, [{ field: 'authorization', message: reason }]),
        { 'www-authenticate': `Bearer error="invalid_token"` },
      );
    }
  }
}

/** The `alg` of a compact JWS's protected header, or undefined when it is not one. */
function headerAlg(token: string): string | undefined {
  try {
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as unknown;
    return typeof header === 'object' && header !== null
      ? String((header as { alg?: unknown }).alg)
      : undefined;
  } catch {
    return undefined;
  }
}
