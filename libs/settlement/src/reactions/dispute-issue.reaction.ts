import { CommandBus } from '@nestjs/cqrs';
import { DisputeEvents, type IssueStatusChangedV1 } from '@tradehub/disputes/contract';
import type { EventHandler, IncomingEvent, UnitOfWork } from '@tradehub/platform';
import { RecordOrderIssueCommand } from '../contract';

/**
 * DSP-4 -> SET-2: an open (or escalated) refund request or dispute holds the order's day-5 review;
 * its close lets the review go on. The request id is the issue id (a UUID, an accepted external id).
 */
export function disputeIssueReaction(
  topic: string,
  database: UnitOfWork,
  commands: CommandBus,
): EventHandler {
  return {
    consumer: 'settlement.dispute-issue',
    topic,
    database,
    types: [DisputeEvents.IssueStatusChanged],
    async handle(event: IncomingEvent): Promise<void> {
      const data = event.data as unknown as IssueStatusChangedV1;
      if (data.to === 'NONE') return;
      const open = data.to === 'OPEN' || data.to === 'ESCALATED';
      if (!open && data.to !== 'CLOSED') throw new Error(`unknown issue status ${String(data.to)}`);
      await commands.execute(new RecordOrderIssueCommand(data.requestId, data.orderId, open));
    },
  };
}
