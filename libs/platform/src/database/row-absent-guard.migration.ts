import { Migration } from './migration';

/**
 * The counterpart of `platform.expect_one_row`: a transaction that acted on what it held in memory
 * (not on a locked read) states what must still not exist when it commits; the statement that rides
 * with COMMIT checks it, and a row found fails the commit with TH409 (CHANGED_CONCURRENTLY), so the
 * caller can take the locked path instead.
 */
export class Migration20261127000100RowAbsentGuard extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function platform.expect_no_row(matched bigint, what text) returns int
      language plpgsql as $$
      begin
        if matched <> 0 then
          raise exception '% appeared meanwhile (% rows matched)', what, matched using errcode = 'TH409';
        end if;
        return 1;
      end $$`);
  }
}
