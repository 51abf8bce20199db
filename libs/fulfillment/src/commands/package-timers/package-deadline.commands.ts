import { Command } from '@nestjs/cqrs';

/** FUL-3: the first-scan window after pickup closed. */
export class CheckFirstScanCommand extends Command<void> {
  constructor(readonly packageId: string) {
    super();
  }
}

/** FUL-4: the stall window after the last activity closed. */
export class CheckStallCommand extends Command<void> {
  constructor(readonly packageId: string) {
    super();
  }
}

/** FUL-5: the proof review SLA passed. */
export class CheckProofReviewCommand extends Command<void> {
  constructor(readonly taskId: string) {
    super();
  }
}

/** FUL-2: a shipment confirmation did not finish in time (its process died between steps): finish it. */
export class FinishShipmentConfirmationCommand extends Command<void> {
  constructor(readonly packageId: string) {
    super();
  }
}
