import { AggregateRoot } from '@tradehub/kernel';
import { EntityManager, EventArgs, EventSubscriber } from '@mikro-orm/postgresql';
import { rememberLoaded } from './save-path';

/**
 * Remembers each loaded entity's stored form (the audit's "before") and each aggregate's
 * deadlines (so the save path changes only the timers that moved).
 */
export class AggregateLoadSubscriber implements EventSubscriber {
  onLoad({ entity, em }: EventArgs<object>): void {
    rememberLoaded(em as EntityManager, entity);
    if (entity instanceof AggregateRoot) entity.markDeadlinesSaved();
  }
}
