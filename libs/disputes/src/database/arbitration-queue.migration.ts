import { Migration } from '@tradehub/platform';

/**
 * DSP-4: the arbitration queue pages by escalation instant (kept in `escalation` as ISO 8601 UTC
 * text, whose order is time order), no longer by request instant.
 */
export class Migration20261128000200ArbitrationQueue extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index disputes.refund_requests_escalated_idx');
    this.addSql(`create index refund_requests_escalated_idx
      on disputes.refund_requests ((escalation->>'at'), id) where status = 'ESCALATED'`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index disputes.refund_requests_escalated_idx');
    this.addSql(`create index refund_requests_escalated_idx
      on disputes.refund_requests (requested_at, id) where status = 'ESCALATED'`);
  }
}
