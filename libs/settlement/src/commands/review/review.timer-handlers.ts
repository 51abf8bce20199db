import { CommandBus } from '@nestjs/cqrs';
import type { TimerHandler, UnitOfWork } from '@tradehub/platform';
import { RELEASE_TIMER, REVIEW_TIMER } from '../../domain';
import { ReleaseFundsCommand, StartReviewCommand } from './review.commands';

/** The day-5 and day-7 timers become commands in the timer's own Settlement transaction. */
export function reviewTimerHandlers(commands: CommandBus, database: UnitOfWork): TimerHandler[] {
  return [
    {
      kind: REVIEW_TIMER,
      database,
      fire: (t) => commands.execute(new StartReviewCommand(String(t.payload.id))),
    },
    {
      kind: RELEASE_TIMER,
      database,
      fire: (t) => commands.execute(new ReleaseFundsCommand(String(t.payload.id))),
    },
  ];
}
