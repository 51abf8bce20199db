import { Migration } from '@mikro-orm/migrations';

export { Migration };

/** A migration as the runtime lists it: explicit, never globbed (see docs in README). */
export interface MigrationEntry {
  name: string;
  class: new (...args: any[]) => Migration; // eslint-disable-line @typescript-eslint/no-explicit-any
}
