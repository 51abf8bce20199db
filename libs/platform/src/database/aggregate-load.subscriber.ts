import { AggregateRoot } from '@tradehub/kernel';
import { EntityManager, EventArgs, EventSubscriber } from '@mikro-orm/postgresql';
import { rememberLoaded } from './save-path';

/**
 * Remembers a loaded entity's stored form (the audit's "before", and what the save path compares
 * to write only the changed fields) and an aggregate's deadlines (so the save path changes only the
 * timers that moved).
 */
export function entityLoaded(em: EntityManager, entity: object): void {
  rememberLoaded(em, entity);
  if (entity instanceof AggregateRoot) entity.markDeadlinesSaved();
}

/** For entities the ORM loads by its queries (`Tx.findById` maps rows and calls `entityLoaded` itself). */
export class AggregateLoadSubscriber implements EventSubscriber {
  onLoad({ entity, em }: EventArgs<object>): void {
    entityLoaded(em as EntityManager, entity);
  }
}
