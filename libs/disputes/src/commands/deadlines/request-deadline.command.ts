import { Command } from '@nestjs/cqrs';

/** A durable deadline of a request came due (one of the `*_TIMER` kinds of RefundRequest). */
export class RequestDeadlineCommand extends Command<void> {
  constructor(
    readonly kind: string,
    readonly requestId: string,
  ) {
    super();
  }
}
