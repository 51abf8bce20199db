import { Command } from '@nestjs/cqrs';

/** SET-5 through Settlement: post the refund the request agreed, then close the request. Idempotent. */
export class PostAgreedRefundCommand extends Command<void> {
  constructor(readonly requestId: string) {
    super();
  }
}
