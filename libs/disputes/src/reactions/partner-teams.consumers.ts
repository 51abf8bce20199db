import { CommandBus } from '@nestjs/cqrs';
import { ValidationError } from '@tradehub/kernel';
import { type EventHandler, type IncomingEvent, type UnitOfWork, validateMessage } from '@tradehub/platform';
import { OpenRequestCommand } from '../commands/open-request/open-request.command';
import { BuyerRefundRequestedMessage } from '../commands/open-request/open-request.message';
import {
  AnswerOfferCommand,
  EscalateRequestCommand,
  ShipReturnCommand,
} from '../commands/request-actions/request-actions.commands';
import { RecordReturnScanCommand } from '../commands/return-tracking/record-return-scan';
import { ReturnScanMessage } from '../commands/return-tracking/return-scan.message';
import {
  BuyerEscalationMessage,
  BuyerOfferAnswerMessage,
  BuyerReturnShipmentMessage,
} from '../http/disputes.dto';

export const BUYER_MESSAGE_TYPES = [
  'refund-requested',
  'offer-answered',
  'return-shipped',
  'escalated',
] as const;

/**
 * The buyer-facing team's messages, one topic, told apart by their `type` field and validated like
 * the service endpoints; requests are named by the marketplace's request id.
 */
export function buyerDisputesConsumer(
  topic: string,
  commands: CommandBus,
  database: UnitOfWork,
): EventHandler {
  return {
    consumer: 'disputes.buyer-messages',
    topic,
    database,
    async handle(event: IncomingEvent): Promise<void> {
      const data = event.data;
      switch (data.type) {
        case 'refund-requested': {
          const { type: _type, ...request } = await validateMessage(BuyerRefundRequestedMessage, data);
          await commands.execute(new OpenRequestCommand(request));
          return;
        }
        case 'offer-answered': {
          const m = await validateMessage(BuyerOfferAnswerMessage, data);
          await commands.execute(new AnswerOfferCommand({ marketplaceRequestId: m.requestId }, m.answer));
          return;
        }
        case 'return-shipped': {
          const m = await validateMessage(BuyerReturnShipmentMessage, data);
          await commands.execute(
            new ShipReturnCommand({ marketplaceRequestId: m.requestId }, m.carrierCode, m.trackingNumber),
          );
          return;
        }
        case 'escalated': {
          const m = await validateMessage(BuyerEscalationMessage, data);
          await commands.execute(
            new EscalateRequestCommand({ marketplaceRequestId: m.requestId }, 'BUYER', m.reason, null),
          );
          return;
        }
        default:
          throw new ValidationError(`must be one of ${BUYER_MESSAGE_TYPES.join(', ')}`, 'type');
      }
    },
  };
}

/** DSP-3: the logistics team's scans of return parcels. */
export function returnTrackingConsumer(
  topic: string,
  commands: CommandBus,
  database: UnitOfWork,
): EventHandler {
  return {
    consumer: 'disputes.return-tracking',
    topic,
    database,
    async handle(event: IncomingEvent): Promise<void> {
      await commands.execute(
        new RecordReturnScanCommand(await validateMessage(ReturnScanMessage, event.data)),
      );
    },
  };
}
