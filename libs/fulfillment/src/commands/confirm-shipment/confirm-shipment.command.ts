import { Command } from '@nestjs/cqrs';
import { StoreScope } from '@tradehub/platform';
import { PackageResponse } from '../../views/package.response';
import { ConfirmShipmentRequest } from './confirm-shipment.request.dto';

/** FUL-1, FUL-2 */
export class ConfirmShipmentCommand extends Command<PackageResponse> {
  constructor(
    readonly orderId: string,
    readonly request: ConfirmShipmentRequest,
    readonly scope: StoreScope,
  ) {
    super();
  }
}

/** FUL-1, FUL-2, changing nothing: resolves when the confirmation would be made, throws its refusal when not. */
export class PreviewShipmentCommand extends Command<void> {
  constructor(readonly confirmation: ConfirmShipmentCommand) {
    super();
  }
}
