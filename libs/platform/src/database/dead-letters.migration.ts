import { Migration } from './migration';

/** Messages a consumer could not handle after its retries: kept for operators instead of blocking their partition. */
export class Migration20261126000600DeadLetters extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table platform.dead_letters (
      id bigserial primary key,
      topic text not null,
      partition int not null,
      "offset" text not null,
      key text,
      value text,
      error text not null,
      attempts int not null,
      failed_at timestamptz not null default clock_timestamp(),
      unique (topic, partition, "offset")
    )`);
  }
}
