import { Migration } from './migration';

/**
 * The save path writes an aggregate's row in the statement that rides with COMMIT, so nobody reads
 * how many rows its UPDATE matched; the statement checks it itself. None means the row changed (its
 * version moved) or went since it was loaded: SQLSTATE TH409, which the unit of work answers as
 * CHANGED_CONCURRENTLY.
 */
export class Migration20261126001200RowGuard extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function platform.expect_one_row(matched bigint, what text) returns int
      language plpgsql as $$
      begin
        if matched <> 1 then
          raise exception '% changed meanwhile (% rows matched)', what, matched using errcode = 'TH409';
        end if;
        return 1;
      end $$`);
  }
}
