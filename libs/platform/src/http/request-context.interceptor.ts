import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { Principal } from '../auth/principal';
import { SandboxClock } from '../clock/sandbox-clock';
import { PlatformDatabase } from '../database/unit-of-work';
import { requestContext } from './request-context';

const ANONYMOUS: Principal = Object.freeze({ id: 'anonymous', kind: 'service', stores: [], scopes: [] });

/**
 * Runs the rest of the request inside its context (request id, principal) for audit and logs.
 * In sandbox mode it also loads the simulated time first, so every replica answers at the same "now".
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly uow: PlatformDatabase,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const ctx = { requestId: String(request.id), principal: request.principal ?? ANONYMOUS };
    const ready =
      this.clock instanceof SandboxClock ? this.clock.refresh(this.uow.direct) : Promise.resolve();
    return from(ready).pipe(
      switchMap(
        () =>
          new Observable<unknown>((subscriber) =>
            requestContext.run(ctx, () => next.handle().subscribe(subscriber)),
          ),
      ),
    );
  }
}
