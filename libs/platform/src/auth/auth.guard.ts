import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { problem, ProblemException } from '../http/problem';
import { ALLOWED_KINDS, PUBLIC_ROUTE } from './decorators';
import { Principal, PrincipalKind } from './principal';
import { InvalidToken, TokenService } from './token.service';

/** Every route needs a valid bearer token unless marked @Public(); the principal rides on the request. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
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
      );
    }
    let principal: Principal;
    try {
      principal = await this.tokens.verify(header.slice('Bearer '.length).trim());
    } catch (error) {
      const reason = error instanceof InvalidToken ? error.message : 'invalid token';
      throw new ProblemException(
        problem(401, 'INVALID_TOKEN', reason, [{ field: 'authorization', message: reason }]),
      );
    }
    const allowed = this.reflector.getAllAndOverride<PrincipalKind[] | undefined>(ALLOWED_KINDS, targets);
    if (allowed && !allowed.includes(principal.kind)) {
      throw new ProblemException(
        problem(403, 'FORBIDDEN', `This operation is not open to ${principal.kind} callers`),
      );
    }
    request.principal = principal;
    return true;
  }
}
