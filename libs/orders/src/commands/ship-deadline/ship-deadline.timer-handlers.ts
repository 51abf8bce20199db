import { CommandBus } from '@nestjs/cqrs';
import { DueTimer, TimerHandler, UnitOfWork } from '@tradehub/platform';
import { SHIP_DEADLINE_TIMER, SHIP_WARNING_TIMER } from '../../domain/order-deadlines';
import { MissShipDeadlineCommand, WarnShipDeadlineCommand } from './ship-deadline.commands';

/** Due ship-by timers become commands; they run inside the timer's transaction on the Orders database. */
export function shipDeadlineTimerHandlers(commands: CommandBus, database: UnitOfWork): TimerHandler[] {
  const orderId = (t: DueTimer): string => String(t.payload.id);
  return [
    {
      kind: SHIP_WARNING_TIMER,
      database,
      fire: (t) => commands.execute(new WarnShipDeadlineCommand(orderId(t))),
    },
    {
      kind: SHIP_DEADLINE_TIMER,
      database,
      fire: (t) => commands.execute(new MissShipDeadlineCommand(orderId(t))),
    },
  ];
}
