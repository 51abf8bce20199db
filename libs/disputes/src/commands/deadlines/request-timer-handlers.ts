import { CommandBus } from '@nestjs/cqrs';
import type { TimerHandler, UnitOfWork } from '@tradehub/platform';
import {
  BUYER_DUE_TIMER,
  INSPECTION_DUE_TIMER,
  INSPECTION_WARN_TIMER,
  POST_REFUND_TIMER,
  RESPONSE_DUE_TIMER,
  RESPONSE_WARN_TIMER,
} from '../../domain';
import { RequestDeadlineCommand } from './request-deadline.command';

const KINDS = [
  RESPONSE_WARN_TIMER,
  RESPONSE_DUE_TIMER,
  BUYER_DUE_TIMER,
  INSPECTION_WARN_TIMER,
  INSPECTION_DUE_TIMER,
  POST_REFUND_TIMER,
];

/** Every request timer becomes a command in the timer's own Disputes transaction. */
export function requestTimerHandlers(commands: CommandBus, database: UnitOfWork): TimerHandler[] {
  return KINDS.map((kind) => ({
    kind,
    database,
    fire: (t) => commands.execute(new RequestDeadlineCommand(kind, String(t.payload.id))),
  }));
}
