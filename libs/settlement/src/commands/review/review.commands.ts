import { Command } from '@nestjs/cqrs';

/** SET-2: the day-5 timer of an order came due. */
export class StartReviewCommand extends Command<void> {
  constructor(readonly orderId: string) {
    super();
  }
}

/** SET-3: the day-7 timer of a passed review came due. */
export class ReleaseFundsCommand extends Command<void> {
  constructor(readonly orderId: string) {
    super();
  }
}
