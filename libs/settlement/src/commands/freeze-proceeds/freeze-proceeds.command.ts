import { Command } from '@nestjs/cqrs';

/** SET-1: the order was delivered at `deliveredAt`; freeze its proceeds. Idempotent. */
export class FreezeProceedsCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly deliveredAt: Date,
  ) {
    super();
  }
}
