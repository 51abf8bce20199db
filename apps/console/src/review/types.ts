/** The parts of tradehub's review-task and package answers this page reads (OpenAPI at /docs). */

export type ReviewTaskKind = 'LOGISTICS_PROOF' | 'ABNORMAL_LOGISTICS';

/** GET /v1/review-tasks items, GET /v1/review-tasks/{taskId}, POST .../decision. */
export interface ReviewTask {
  id: string;
  kind: ReviewTaskKind;
  status: string;
  orderId: string;
  packageId: string;
  storeId: string;
  carrierCode: string;
  trackingNumber: string;
  openedAt: string;
  openedBy: string | null;
  proof: { sha256: string; sizeBytes: number; fileName: string; url: string } | null;
  /** FUL-5: a proof's review is due then; an abnormal-logistics case has no SLA (null). */
  slaDueAt: string | null;
  overdue: boolean;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

export interface TrackingEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  location: string | null;
  description: string | null;
}

/** GET /v1/packages/{packageId}: one package with its tracking history. */
export interface PackageDetail {
  id: string;
  status: string;
  trackingEvents?: TrackingEvent[];
}
