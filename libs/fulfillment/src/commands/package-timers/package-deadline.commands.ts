import { Command } from '@nestjs/cqrs';

/** FUL-3: the first-scan window after pickup closed. */
export class CheckFirstScanCommand extends Command<void> {
  constructor(readonly packageId: string) {
    super();
  }
}

/** FUL-4: the stall window after the last scan closed. */
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
