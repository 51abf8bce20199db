import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { OrderRepository } from '../../database/order.repository';
import type { IssueStatus } from '../../domain/order-state';

/** ORD-7, DSP-4: Disputes moved the order's issue status (its issue-status-changed event). */
export class RecordIssueStatusCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly issueStatus: IssueStatus,
    readonly sellerExaminesAmount: boolean,
  ) {
    super();
  }
}

@CommandHandler(RecordIssueStatusCommand)
export class RecordIssueStatusHandler implements ICommandHandler<RecordIssueStatusCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ orderId, issueStatus, sellerExaminesAmount }: RecordIssueStatusCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const order = await this.orders.findById(tx, orderId, true);
      order?.recordIssueStatus(issueStatus, sellerExaminesAmount, this.clock.now());
    });
  }
}
