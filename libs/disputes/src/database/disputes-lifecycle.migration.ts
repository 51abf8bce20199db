import { Migration } from '@tradehub/platform';

/**
 * DSP-1..6: refund requests with their answers, returns, arbitration and refunds; evidence files
 * by content; per-store daily counts for the dispute rate; each open order's dispute-risk score.
 */
export class Migration20261127000400DisputesLifecycle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table disputes.refund_requests (
      id uuid primary key,
      marketplace_request_id text not null unique,
      order_id uuid not null,
      store_id text not null,
      seller_id text not null,
      buyer_id text not null,
      kind text not null check (kind in ('REFUND_ONLY', 'RETURN_AND_REFUND')),
      currency char(3) not null,
      requested_minor bigint not null check (requested_minor > 0),
      reason text not null,
      buyer_evidence jsonb not null,
      status text not null check (status in ('AWAITING_SELLER', 'OFFERED', 'REFUSED', 'AWAITING_RETURN',
        'RETURN_IN_TRANSIT', 'INSPECTING', 'ESCALATED', 'REFUNDING', 'CLOSED')),
      issue_status text not null check (issue_status in ('NONE', 'OPEN', 'ESCALATED', 'CLOSED')),
      requested_at timestamptz not null,
      response_due_at timestamptz not null,
      response_warn_at timestamptz not null,
      buyer_due_at timestamptz,
      inspection_due_at timestamptz,
      inspection_warn_at timestamptz,
      open_flags jsonb not null,
      answer jsonb,
      return_parcel jsonb,
      inspection jsonb,
      escalation jsonb,
      arbitration jsonb,
      refund jsonb,
      refunded_minor bigint not null check (refunded_minor between 0 and requested_minor),
      outcome text,
      close_reason text,
      closed_at timestamptz,
      version integer not null
    )`);
    // One open request per order: a second one waits until the first closes.
    this.addSql(`create unique index refund_requests_one_open_idx on disputes.refund_requests (order_id)
      where status <> 'CLOSED'`);
    this.addSql(`create index refund_requests_order_idx on disputes.refund_requests (order_id)`);
    this.addSql(
      `create index refund_requests_store_idx on disputes.refund_requests (store_id, requested_at desc, id desc)`,
    );
    this.addSql(
      `create index refund_requests_buyer_idx on disputes.refund_requests (buyer_id, requested_at)`,
    );
    this.addSql(`create index refund_requests_escalated_idx on disputes.refund_requests (requested_at, id)
      where status = 'ESCALATED'`);
    // A return parcel's number belongs to one request (as FUL-2 keeps an outbound number to one buyer).
    this.addSql(`create unique index refund_requests_return_idx on disputes.refund_requests
      ((return_parcel->>'carrierCode'), (return_parcel->>'trackingNumber')) where return_parcel is not null`);
    // DSP-3: a DELIVERED scan that came before the buyer's "shipped" message waits here for it.
    this.addSql(`create table disputes.return_scans (
      carrier_code text not null,
      tracking_number text not null,
      event_id text not null,
      occurred_at timestamptz not null,
      received_at timestamptz not null,
      primary key (carrier_code, tracking_number)
    )`);
    this.addSql(`create table disputes.evidence_files (
      sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
      content_type text not null,
      size_bytes integer not null check (size_bytes > 0),
      file_name text not null,
      first_uploaded_at timestamptz not null,
      first_uploaded_by text not null
    )`);
    this.addSql(`create table disputes.evidence_uploads (
      sha256 text not null references disputes.evidence_files (sha256),
      uploaded_by text not null,
      uploaded_at timestamptz not null,
      primary key (sha256, uploaded_by)
    )`);
    this.addSql(`create table disputes.store_days (
      store_id text not null,
      day date not null,
      orders integer not null default 0 check (orders >= 0),
      disputed_orders integer not null default 0 check (disputed_orders >= 0),
      primary key (store_id, day)
    )`);
    this.addSql(`create table disputes.order_risk (
      order_id uuid primary key,
      store_id text not null,
      buyer_id text not null,
      paid_at timestamptz not null,
      facts jsonb not null,
      late_shipment boolean not null default false,
      logistics_stalled boolean not null default false,
      closed boolean not null default false,
      disputed boolean not null default false,
      score integer not null check (score between 0 and 100),
      level text not null check (level in ('LOW', 'MEDIUM', 'HIGH')),
      reasons jsonb not null,
      flags text[] not null default '{}',
      scored_at timestamptz not null
    )`);
    this.addSql(`create index order_risk_board_idx on disputes.order_risk (store_id, score desc, order_id)
      where not closed`);
    this.addSql(`create index order_risk_buyer_idx on disputes.order_risk (buyer_id, paid_at)`);
  }
}
