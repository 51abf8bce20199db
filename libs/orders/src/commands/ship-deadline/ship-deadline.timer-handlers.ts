import { CommandBus } from '@nestjs/cqrs';
import { DueTimer, TimerHandler } from '@tradehub/platform';
import { SHIP_DEADLINE_TIMER, SHIP_WARNING_TIMER } from './ship-deadline.timers';
import { MissShipDeadlineCommand, WarnShipDeadlineCommand } from './ship-deadline.commands';

/** Due ship-by timers become commands; they run inside the timer's claiming transaction. */
export function shipDeadlineTimerHandlers(commands: CommandBus): TimerHandler[] {
  const orderId = (t: DueTimer): string => String(t.payload.orderId);
  return [
    { kind: SHIP_WARNING_TIMER, fire: (t) => commands.execute(new WarnShipDeadlineCommand(orderId(t))) },
    { kind: SHIP_DEADLINE_TIMER, fire: (t) => commands.execute(new MissShipDeadlineCommand(orderId(t))) },
  ];
}
