import { CommandBus } from '@nestjs/cqrs';
import { DisputeEvents, type IssueStatusChangedV1 } from '@tradehub/disputes/contract';
import type { EventHandler, IncomingEvent, UnitOfWork } from '@tradehub/platform';
import { ISSUE_STATUSES, type IssueStatus } from '../domain/order-state';
import { RecordIssueStatusCommand } from '../commands/record-issue-status/record-issue-status.handler';

/** ORD-7, DSP-4: the order's issue status follows Disputes; an open issue holds the order IN_ISSUE. */
export function issueStatusReaction(topic: string, database: UnitOfWork, commands: CommandBus): EventHandler {
  return {
    consumer: 'orders.issue-status',
    topic,
    database,
    types: [DisputeEvents.IssueStatusChanged],
    async handle(event: IncomingEvent): Promise<void> {
      const data = event.data as unknown as IssueStatusChangedV1;
      if (!(ISSUE_STATUSES as readonly string[]).includes(data.to))
        throw new Error(`unknown issue status ${data.to}`);
      await commands.execute(
        new RecordIssueStatusCommand(
          data.orderId,
          data.to as IssueStatus,
          data.sellerExaminesAmount === true,
        ),
      );
    },
  };
}
