import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, DomainError } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { PostRefundCommand } from '@tradehub/settlement/contract';
import { RefundRequestRepository } from '../../database/refund-request.repository';
import { DISPUTES_POLICY, type DisputesPolicy } from '../../disputes.config';
import { PostAgreedRefundCommand } from './post-agreed-refund.command';

/** Settlement's refusals that will not change on retry; anything else (unavailable, a concurrent change) is tried again. */
const FINAL: readonly DomainError['kind'][] = ['validation', 'not_found', 'conflict', 'rule_violation'];

function isFinal(error: unknown): error is DomainError {
  return error instanceof DomainError && FINAL.includes(error.kind) && error.code !== 'CHANGED_CONCURRENTLY';
}

/**
 * SET-5: the agreed refund goes to Settlement under the request's id (so it is posted once however
 * often this runs), while the request stays locked; its answer closes the request. A refusal that
 * will not change hands the request to an operator; a failure that may pass is tried again later
 * (backing off, then an operator) instead of failing the timer.
 */
@CommandHandler(PostAgreedRefundCommand)
export class PostAgreedRefundHandler implements ICommandHandler<PostAgreedRefundCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: RefundRequestRepository,
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DISPUTES_POLICY) private readonly policy: DisputesPolicy,
  ) {}

  async execute({ requestId }: PostAgreedRefundCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const request = await this.requests.find(tx, requestId);
      const refund = request?.pendingRefund();
      if (!request || !refund) return;
      try {
        const posted = await this.commands.execute(
          new PostRefundCommand(refund.refundId, request.orderId, refund.amountMinor, request.currency),
        );
        request.refundPosted({ entryId: posted.entryId, takenFrom: posted.takenFrom }, this.clock.now());
      } catch (error) {
        if (isFinal(error)) request.refundRefused(`${error.code}: ${error.message}`, this.clock.now());
        // The request keeps the try and its next time (a timer), so nothing depends on this process living.
        else request.refundDeferred(String(error), this.clock.now(), this.policy.maxRefundAttempts);
      }
    });
  }
}
