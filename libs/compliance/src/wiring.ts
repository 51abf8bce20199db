import type { Type } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import type { EventDispatcher, TimerHandlers, Topics, UnitOfWork } from '@tradehub/platform';

/** What each Compliance feature needs to register its consumers and timers at module start. */
export interface ComplianceWiring {
  commands: CommandBus;
  events: EventDispatcher;
  topics: Topics;
  timers: TimerHandlers;
  database: UnitOfWork;
  /** A provider of the Compliance module, or a global one (the clock). */
  get<T>(token: Type<T> | symbol): T;
}
