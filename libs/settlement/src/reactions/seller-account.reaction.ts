import { CommandBus } from '@nestjs/cqrs';
import { ComplianceEvents, type SellerAccountStatusChangedV1 } from '@tradehub/compliance/contract';
import type { EventHandler, IncomingEvent, UnitOfWork } from '@tradehub/platform';
import { RecordSellerAccountCommand } from '../contract';

/**
 * CMP-4 -> SET-2: a seller account Compliance closed holds its orders' day-5 reviews (a reopened one
 * lets them go on); the money already posted stays, and refunds keep posting.
 */
export function sellerAccountReaction(
  topic: string,
  database: UnitOfWork,
  commands: CommandBus,
): EventHandler {
  return {
    consumer: 'settlement.seller-account-status',
    topic,
    database,
    types: [ComplianceEvents.SellerAccountStatusChanged],
    async handle(event: IncomingEvent): Promise<void> {
      const data = event.data as unknown as SellerAccountStatusChangedV1;
      await commands.execute(new RecordSellerAccountCommand(data.sellerId, data.closed, data.reason));
    },
  };
}
