import { Command } from '@nestjs/cqrs';

/** ORD-2: the warning window before the ship-by deadline opened. */
export class WarnShipDeadlineCommand extends Command<void> {
  constructor(readonly orderId: string) {
    super();
  }
}

/** ORD-2: the ship-by deadline passed. */
export class MissShipDeadlineCommand extends Command<void> {
  constructor(readonly orderId: string) {
    super();
  }
}
