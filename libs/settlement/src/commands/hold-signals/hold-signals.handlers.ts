import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, ValidationError } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { RecordOrderIssueCommand, RecordSellerAccountCommand } from '../../contract';
import { SettlementOrderRepository } from '../../database/settlement-order.repository';
import { EXTERNAL_ID, EXTERNAL_ID_MESSAGE } from '../../domain';

/** Any UUID, as the REST route's @IsUUID takes it: the column is a uuid. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SET-2: what the review checks about the order's open refund requests and disputes. */
@CommandHandler(RecordOrderIssueCommand)
export class RecordOrderIssueHandler implements ICommandHandler<RecordOrderIssueCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: SettlementOrderRepository,
  ) {}

  async execute({ issueId, orderId, open }: RecordOrderIssueCommand): Promise<void> {
    if (!EXTERNAL_ID.test(issueId)) throw new ValidationError(EXTERNAL_ID_MESSAGE, 'issueId');
    if (!UUID.test(orderId)) throw new ValidationError('must be a UUID', 'orderId');
    await this.uow.run((tx) => this.orders.recordIssue(tx, orderId.toLowerCase(), issueId, open));
  }
}

/** SET-2, CMP-4: what the review checks about the seller's account. */
@CommandHandler(RecordSellerAccountCommand)
export class RecordSellerAccountHandler implements ICommandHandler<RecordSellerAccountCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: SettlementOrderRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ sellerId, closed, reason }: RecordSellerAccountCommand): Promise<void> {
    if (!EXTERNAL_ID.test(sellerId)) throw new ValidationError(EXTERNAL_ID_MESSAGE, 'sellerId');
    const why = reason.trim();
    if (why.length === 0 || why.length > 1000)
      throw new ValidationError('a reason of 1 to 1000 characters', 'reason');
    await this.uow.run((tx) => this.orders.recordSellerAccount(tx, sellerId, closed, why, this.clock.now()));
  }
}
