import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Principal, PrincipalKind } from './principal';

export const PUBLIC_ROUTE = 'tradehub:public';
export const ALLOWED_KINDS = 'tradehub:allowed-kinds';

/** No token needed (health, metrics, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Only these kinds of principal may call; others get 403. */
export const AllowedCallers = (...kinds: PrincipalKind[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOWED_KINDS, kinds);

export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a public route');
  return request.principal;
});
