import { CommandBus } from '@nestjs/cqrs';
import { TimerHandler } from '@tradehub/platform';
import {
  CheckFirstScanCommand,
  CheckProofReviewCommand,
  CheckStallCommand,
} from './package-deadline.commands';
import { FIRST_SCAN_TIMER, PROOF_REVIEW_TIMER, STALL_TIMER } from './package-timers';

/** Due fulfillment timers become commands, run inside the timer's claiming transaction. */
export function packageTimerHandlers(commands: CommandBus): TimerHandler[] {
  return [
    {
      kind: FIRST_SCAN_TIMER,
      fire: (t) => commands.execute(new CheckFirstScanCommand(String(t.payload.packageId))),
    },
    { kind: STALL_TIMER, fire: (t) => commands.execute(new CheckStallCommand(String(t.payload.packageId))) },
    {
      kind: PROOF_REVIEW_TIMER,
      fire: (t) => commands.execute(new CheckProofReviewCommand(String(t.payload.taskId))),
    },
  ];
}
