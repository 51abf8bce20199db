import { CommandBus } from '@nestjs/cqrs';
import { FUND_STATUSES, type FundStatus } from '../domain/order-state';
import type { EventHandler, IncomingEvent, UnitOfWork } from '@tradehub/platform';
import { type FundStatusChangedV1, SettlementEvents } from '@tradehub/settlement/contract';
import { RecordFundStatusCommand } from '../commands/record-fund-status/record-fund-status.handler';

/** ORD-7: the order's fund status follows Settlement; a release finishes a delivered order. */
export function fundStatusReaction(topic: string, database: UnitOfWork, commands: CommandBus): EventHandler {
  return {
    consumer: 'orders.fund-status',
    topic,
    database,
    types: [SettlementEvents.FundStatusChanged],
    async handle(event: IncomingEvent): Promise<void> {
      const data = event.data as unknown as FundStatusChangedV1;
      if (!(FUND_STATUSES as readonly string[]).includes(data.to))
        throw new Error(`unknown fund status ${data.to}`);
      await commands.execute(new RecordFundStatusCommand(data.orderId, data.to as FundStatus));
    },
  };
}
