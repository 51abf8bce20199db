import { CommandBus } from '@nestjs/cqrs';
import { DueTimer, TimerHandler, UnitOfWork } from '@tradehub/platform';
import { FIRST_SCAN_TIMER, PROOF_REVIEW_TIMER, SHIPMENT_CONFIRMATION_TIMER, STALL_TIMER } from '../../domain';
import {
  CheckFirstScanCommand,
  CheckProofReviewCommand,
  CheckStallCommand,
  FinishShipmentConfirmationCommand,
} from './package-deadline.commands';

/** Due fulfillment timers become commands, run inside the timer's transaction on Fulfillment's database. */
export function packageTimerHandlers(commands: CommandBus, database: UnitOfWork): TimerHandler[] {
  const id = (t: DueTimer): string => String(t.payload.id);
  return [
    { kind: FIRST_SCAN_TIMER, database, fire: (t) => commands.execute(new CheckFirstScanCommand(id(t))) },
    { kind: STALL_TIMER, database, fire: (t) => commands.execute(new CheckStallCommand(id(t))) },
    { kind: PROOF_REVIEW_TIMER, database, fire: (t) => commands.execute(new CheckProofReviewCommand(id(t))) },
    {
      kind: SHIPMENT_CONFIRMATION_TIMER,
      database,
      fire: (t) => commands.execute(new FinishShipmentConfirmationCommand(id(t))),
    },
  ];
}
