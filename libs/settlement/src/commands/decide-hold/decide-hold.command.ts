import { Command } from '@nestjs/cqrs';

/** SET-3: an operator's decision on a held review. */
export class DecideHoldCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly decision: 'RELEASE' | 'KEEP_HOLDING',
    readonly reason: string,
    readonly decidedBy: string,
  ) {
    super();
  }
}
