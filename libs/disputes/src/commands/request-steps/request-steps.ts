import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { type StoreScope, type Tx, UnitOfWork } from '@tradehub/platform';
import { RefundRequestRepository } from '../../database/refund-request.repository';
import type { RefundRequest } from '../../domain';
import { PostAgreedRefundCommand } from '../post-refund/post-agreed-refund.command';
import { loadRequest, type RequestRef } from './request-ref';

/**
 * One step of a request by a person or a team: the request is locked, the domain decides, and the
 * save path writes it with its events, timers and audit in one transaction. A refund the step agreed
 * is posted right after the commit, so the caller's answer shows it; the post-refund timer written
 * with the step is the durable path if this process stops first.
 */
@Injectable()
export class RequestSteps {
  private readonly logger = new Logger(RequestSteps.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: RefundRequestRepository,
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async apply(
    ref: RequestRef,
    scope: StoreScope | null,
    step: (request: RefundRequest, now: Date, tx: Tx) => void | Promise<void>,
  ): Promise<string> {
    const request = await this.uow.run(async (tx) => {
      const found = await loadRequest(tx, this.requests, ref, scope);
      await step(found, this.clock.now(), tx);
      return found;
    });
    await this.postAgreedRefund(request);
    return request.id;
  }

  /** Posts the refund a committed step agreed; a failure is left to the timer (logged, not thrown). */
  async postAgreedRefund(request: RefundRequest): Promise<void> {
    if (!request.pendingRefund() || this.uow.inTransaction()) return;
    try {
      await this.commands.execute(new PostAgreedRefundCommand(request.id));
    } catch (error) {
      this.logger.warn(`refund of request ${request.id} left to its timer: ${String(error)}`);
    }
  }
}
