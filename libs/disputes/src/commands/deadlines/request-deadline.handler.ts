import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { RefundRequestRepository } from '../../database/refund-request.repository';
import {
  BUYER_DUE_TIMER,
  INSPECTION_DUE_TIMER,
  INSPECTION_WARN_TIMER,
  POST_REFUND_TIMER,
  type RefundRequest,
  RESPONSE_DUE_TIMER,
  RESPONSE_WARN_TIMER,
} from '../../domain';
import { DISPUTES_POLICY, type DisputesPolicy } from '../../disputes.config';
import { PostAgreedRefundCommand } from '../post-refund/post-agreed-refund.command';
import { RequestDeadlineCommand } from './request-deadline.command';

/**
 * DSP-1..3's timers: the warnings (risk types 9, 10), DSP-2's automatic acceptance, the buyer's
 * lapsed answer, DSP-3's lapsed inspection, and the post-refund step's durable retry. Each runs in
 * the timer's own transaction; a step that no longer applies (answered meanwhile) changes nothing.
 */
@CommandHandler(RequestDeadlineCommand)
export class RequestDeadlineHandler implements ICommandHandler<RequestDeadlineCommand> {
  private readonly steps: Record<string, (r: RefundRequest, now: Date) => void> = {
    [RESPONSE_WARN_TIMER]: (r, now) => r.warnResponseDue(now),
    [RESPONSE_DUE_TIMER]: (r, now) => r.lapseResponse(now, this.policy),
    [BUYER_DUE_TIMER]: (r, now) => r.lapseBuyer(now),
    [INSPECTION_WARN_TIMER]: (r, now) => r.warnInspectionDue(now),
    [INSPECTION_DUE_TIMER]: (r, now) => r.lapseInspection(now),
  };

  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: RefundRequestRepository,
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DISPUTES_POLICY) private readonly policy: DisputesPolicy,
  ) {}

  async execute({ kind, requestId }: RequestDeadlineCommand): Promise<void> {
    if (kind === POST_REFUND_TIMER) return this.commands.execute(new PostAgreedRefundCommand(requestId));
    const step = this.steps[kind];
    if (!step) throw new Error(`no deadline step for timer kind ${kind}`);
    await this.uow.run(async (tx) => {
      const request = await this.requests.find(tx, requestId);
      if (request) step(request, this.clock.now());
    });
  }
}
