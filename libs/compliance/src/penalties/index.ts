import type { Provider, Type } from '@nestjs/common';
import type { MigrationEntry } from '@tradehub/platform';
import type { ComplianceWiring } from '../wiring';
import { AppealPenaltyCaseHandler } from './commands/appeal-case/appeal-penalty-case';
import { RecordPenaltyCaseHandler } from './commands/record-case/record-penalty-case';
import { penaltiesMigrationEntries, SellerAccountEntity, SellerAccountRepository } from './database';
import { PenaltiesController } from './http/penalties.http.controller';
import { penaltiesConfig } from './penalties.config';
import { ListPenaltiesHandler } from './queries/list-penalties.query';
import { fakeShipmentReaction } from './reactions/fake-shipment.reaction';

/** CMP-4: fake-shipment penalty cases, points and account closure. */
export const PENALTY_PROVIDERS: Provider[] = [
  ...penaltiesConfig,
  SellerAccountRepository,
  RecordPenaltyCaseHandler,
  AppealPenaltyCaseHandler,
  ListPenaltiesHandler,
];
export const PENALTY_CONTROLLERS: Type<unknown>[] = [PenaltiesController];
export const PENALTY_ENTITIES = [SellerAccountEntity];
export const penaltyMigrations: MigrationEntry[] = penaltiesMigrationEntries;

export function registerPenalties(wiring: ComplianceWiring): void {
  wiring.events.register(
    fakeShipmentReaction(wiring.topics.forContext('fulfillment'), wiring.database, wiring.commands),
  );
}
