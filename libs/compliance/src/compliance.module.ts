import { Module, OnModuleInit, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { contextDatabase, EventDispatcher, TimerHandlers, Topics, UnitOfWork } from '@tradehub/platform';
import { StoreDirectory, storeDirectoryReaction } from './directory';
import { BOARD_CONTROLLERS, BOARD_ENTITIES, BOARD_PROVIDERS, registerBoard } from './board';
import { PENALTY_CONTROLLERS, PENALTY_ENTITIES, PENALTY_PROVIDERS, registerPenalties } from './penalties';
import { registerStanding, STANDING_CONTROLLERS, STANDING_ENTITIES, STANDING_PROVIDERS } from './standing';

/**
 * Compliance: the risk board (CMP-5), fake-shipment penalties and closure (CMP-4), and a store's
 * standing from its roll-ups: trade analysis (ANA-1), SLA score (CMP-1), downgrade warnings (CMP-2),
 * campaign gating (CMP-3). Each feature is its own folder; this module only wires them.
 */
@Module({
  controllers: [...BOARD_CONTROLLERS, ...PENALTY_CONTROLLERS, ...STANDING_CONTROLLERS],
  providers: [
    ...contextDatabase('compliance', [...BOARD_ENTITIES, ...PENALTY_ENTITIES, ...STANDING_ENTITIES]),
    StoreDirectory,
    ...BOARD_PROVIDERS,
    ...PENALTY_PROVIDERS,
    ...STANDING_PROVIDERS,
  ],
})
export class ComplianceModule implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    private readonly events: EventDispatcher,
    private readonly topics: Topics,
    private readonly timers: TimerHandlers,
    private readonly database: UnitOfWork,
    private readonly directory: StoreDirectory,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    const wiring = {
      commands: this.commands,
      events: this.events,
      topics: this.topics,
      timers: this.timers,
      database: this.database,
      get: <T>(token: Type<T> | symbol): T => this.moduleRef.get<T>(token, { strict: false }),
    };
    this.events.register(
      storeDirectoryReaction(this.topics.forContext('orders'), this.database, this.directory),
    );
    registerBoard(wiring);
    registerPenalties(wiring);
    registerStanding(wiring);
  }
}
