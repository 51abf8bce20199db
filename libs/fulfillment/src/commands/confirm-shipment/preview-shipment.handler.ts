import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PreviewShipmentCommand } from './confirm-shipment.command';
import { ConfirmShipmentHandler } from './confirm-shipment.handler';

/** A spreadsheet import's preview: the confirmation's own checks and insert, rolled back. */
@CommandHandler(PreviewShipmentCommand)
export class PreviewShipmentHandler implements ICommandHandler<PreviewShipmentCommand, void> {
  constructor(private readonly confirmations: ConfirmShipmentHandler) {}

  execute({ confirmation }: PreviewShipmentCommand): Promise<void> {
    return this.confirmations.preview(confirmation);
  }
}
