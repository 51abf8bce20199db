import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, DomainError } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { PostRefundCommand } from '@tradehub/settlement/contract';
import { RefundRequestRepository } from '../../database/refund-request.repository';
import { PostAgreedRefundCommand } from './post-agreed-refund.command';

/** Settlement's refusals that will not change on retry; anything else (unavailable, a crash) is retried by the timer. */
const FINAL: readonly DomainError['kind'][] = ['validation', 'not_found', 'conflict', 'rule_violation'];

/**
 * SET-5: the agreed refund goes to Settlement under the request's id (so it is posted once however
 * often this runs), while the request stays locked; its answer closes the request. A refusal that
 * will not change hands the request to an operator instead of retrying for ever.
 */
@CommandHandler(PostAgreedRefundCommand)
export class PostAgreedRefundHandler implements ICommandHandler<PostAgreedRefundCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: RefundRequestRepository,
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
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
        if (!(error instanceof DomainError) || !FINAL.includes(error.kind)) throw error;
        request.refundRefused(`${error.code}: ${error.message}`, this.clock.now());
      }
    });
  }
}
