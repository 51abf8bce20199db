import { addMs, HOUR_MS, ValidationError } from '@tradehub/kernel';
import { FulfillmentEvents } from '../contract';
import { DEFAULT_FULFILLMENT_POLICY as policy } from './fulfillment-config';
import { ReviewTaskAlreadyDecided } from './fulfillment.errors';
import { ReviewTask, ReviewSubject } from './review-task';

const T0 = new Date('2026-03-01T08:00:00Z');
const at = (hours: number): Date => addMs(T0, hours * HOUR_MS);
const subject: ReviewSubject = {
  orderId: 'order-1',
  packageId: 'pkg-1',
  storeId: 'store-1',
  carrierCode: 'CAINIAO',
  trackingNumber: 'LP00123456789012',
};
const proof = { sha256: 'AB'.repeat(32), sizeBytes: 2048, fileName: ' pickup.pdf ' };

function proofTask(): ReviewTask {
  const task = ReviewTask.openProof({ ...subject, proof, submittedBy: 'seller-staff-1' }, T0, policy);
  task.pullEvents();
  return task;
}

function abnormalTask(): ReviewTask {
  const task = ReviewTask.openAbnormal(subject, T0);
  task.pullEvents();
  return task;
}

const types = (task: ReviewTask): string[] => task.pullEvents().map((e) => e.type);

describe('opening review tasks', () => {
  it('FUL-5: a proof joins the review queue, due 2 hours later', () => {
    const task = ReviewTask.openProof({ ...subject, proof, submittedBy: 'seller-staff-1' }, T0, policy);
    expect(task.snapshot).toMatchObject({
      kind: 'LOGISTICS_PROOF',
      status: 'OPEN',
      openedBy: 'seller-staff-1',
      slaDueAt: at(2),
      proof: { sha256: 'ab'.repeat(32), sizeBytes: 2048, fileName: 'pickup.pdf' },
    });
    const [opened] = task.pullEvents();
    expect(opened).toMatchObject({
      type: FulfillmentEvents.ReviewTaskOpened,
      aggregateType: 'review-task',
      aggregateId: 'order-1',
      payload: {
        taskId: task.id,
        kind: 'LOGISTICS_PROOF',
        packageId: 'pkg-1',
        slaDueAt: at(2).toISOString(),
      },
    });
  });

  it('FUL-4: an abnormal-logistics task is opened by the system and has no SLA', () => {
    const task = ReviewTask.openAbnormal(subject, T0);
    expect(task.snapshot).toMatchObject({
      kind: 'ABNORMAL_LOGISTICS',
      openedBy: null,
      slaDueAt: null,
      proof: null,
    });
    expect(task.pullEvents()[0].payload).toMatchObject({ kind: 'ABNORMAL_LOGISTICS', slaDueAt: null });
  });

  it('FUL-5: refuses malformed proof metadata', () => {
    const open = (p: typeof proof, by = 'staff'): ReviewTask =>
      ReviewTask.openProof({ ...subject, proof: p, submittedBy: by }, T0, policy);
    expect(() => open({ ...proof, sha256: 'xyz' })).toThrow(
      expect.objectContaining({ field: 'file.sha256' }),
    );
    expect(() => open({ ...proof, sizeBytes: 0 })).toThrow(
      expect.objectContaining({ field: 'file.sizeBytes' }),
    );
    expect(() => open({ ...proof, sizeBytes: policy.maxProofBytes + 1 })).toThrow(
      expect.objectContaining({ field: 'file' }),
    );
    expect(() => open({ ...proof, fileName: ' ' })).toThrow(
      expect.objectContaining({ field: 'file.fileName' }),
    );
    expect(() => open(proof, '')).toThrow(expect.objectContaining({ field: 'submittedBy' }));
  });
});

describe('deciding review tasks', () => {
  it('FUL-5: the reviewer accepts a proof, with a reason', () => {
    const task = proofTask();
    task.accept('reviewer-1', '  waybill and pickup time match the carrier record ', at(1));
    expect(task.snapshot).toMatchObject({
      status: 'ACCEPTED',
      decidedBy: 'reviewer-1',
      decidedAt: at(1),
      reason: 'waybill and pickup time match the carrier record',
    });
    expect(task.pullEvents()).toEqual([
      expect.objectContaining({
        type: FulfillmentEvents.ReviewTaskDecided,
        payload: {
          orderId: 'order-1',
          packageId: 'pkg-1',
          storeId: 'store-1',
          taskId: task.id,
          kind: 'LOGISTICS_PROOF',
          decision: 'ACCEPTED',
          decidedBy: 'reviewer-1',
          decidedAt: at(1).toISOString(),
          reason: 'waybill and pickup time match the carrier record',
        },
      }),
    ]);
  });

  it('FUL-5: a rejected proof raises FAKE_SHIPMENT_SUSPECTED', () => {
    const task = proofTask();
    task.reject('reviewer-1', 'logo does not belong to the carrier', at(1));
    const events = task.pullEvents();
    expect(events.map((e) => e.type)).toEqual([
      FulfillmentEvents.ReviewTaskDecided,
      FulfillmentEvents.RiskFlagRaised,
    ]);
    expect(events[1].payload).toMatchObject({
      code: 'FAKE_SHIPMENT_SUSPECTED',
      severity: 'high',
      orderId: 'order-1',
    });
  });

  it.each([
    ['LOGISTICS_PROOF', proofTask],
    ['ABNORMAL_LOGISTICS', abnormalTask],
  ] as const)('FUL-6: a confirmed fake shipment on a %s task is reported to Compliance', (_kind, make) => {
    const task = make();
    task.confirmFakeShipment('reviewer-2', 'no pickup record at the carrier', at(1));
    expect(task.snapshot.status).toBe('FAKE_SHIPMENT_CONFIRMED');
    const events = task.pullEvents();
    expect(events.map((e) => e.type)).toEqual([
      FulfillmentEvents.ReviewTaskDecided,
      FulfillmentEvents.FakeShipmentConfirmed,
      FulfillmentEvents.RiskFlagRaised,
    ]);
    expect(events[1].payload).toEqual({
      orderId: 'order-1',
      packageId: 'pkg-1',
      storeId: 'store-1',
      taskId: task.id,
      reason: 'no pickup record at the carrier',
      decidedBy: 'reviewer-2',
    });
    expect(events[2].payload).toMatchObject({ code: 'FAKE_SHIPMENT_SUSPECTED', severity: 'critical' });
  });

  it('FUL-4: the operator closes an abnormal-logistics case', () => {
    const task = abnormalTask();
    task.close('ops-1', 'carrier confirmed the parcel is moving again', at(5));
    expect(task.snapshot).toMatchObject({ status: 'CLOSED', decidedBy: 'ops-1' });
    expect(types(task)).toEqual([FulfillmentEvents.ReviewTaskDecided]);
  });

  it('FUL-5: refuses deciding a task twice', () => {
    const task = proofTask();
    task.accept('reviewer-1', 'ok', at(1));
    task.pullEvents();
    for (const decide of [
      () => task.accept('reviewer-2', 'again', at(2)),
      () => task.reject('reviewer-2', 'no', at(2)),
      () => task.confirmFakeShipment('reviewer-2', 'fake', at(2)),
    ]) {
      expect(decide).toThrow(
        expect.objectContaining({
          constructor: ReviewTaskAlreadyDecided,
          code: 'REVIEW_TASK_ALREADY_DECIDED',
        }),
      );
    }
    expect(task.snapshot).toMatchObject({ status: 'ACCEPTED', decidedBy: 'reviewer-1' });
    expect(task.pullEvents()).toEqual([]);
  });

  it('FUL-4/FUL-5: refuses a decision the task kind does not have', () => {
    const notAllowed = expect.objectContaining({ code: 'REVIEW_DECISION_NOT_ALLOWED' });
    expect(() => abnormalTask().accept('r', 'ok', at(1))).toThrow(notAllowed);
    expect(() => abnormalTask().reject('r', 'no', at(1))).toThrow(notAllowed);
    expect(() => proofTask().close('r', 'done', at(1))).toThrow(notAllowed);
  });

  it('FUL-5: a decision needs a reviewer and a reason of 1..1000 characters', () => {
    expect(() => proofTask().accept('r', '   ', at(1))).toThrow(
      expect.objectContaining({ constructor: ValidationError, field: 'reason' }),
    );
    expect(() => proofTask().accept('r', 'x'.repeat(1001), at(1))).toThrow(ValidationError);
    expect(() => proofTask().accept('', 'ok', at(1))).toThrow(
      expect.objectContaining({ field: 'decidedBy' }),
    );
    const task = proofTask();
    task.accept('r', 'x'.repeat(1000), at(1));
    expect(task.snapshot.reason).toHaveLength(1000);
  });
});

describe('FUL-5: review SLA', () => {
  it('FUL-5: a proof still open at its SLA raises PROOF_REVIEW_OVERDUE once', () => {
    const task = proofTask();
    expect(task.markOverdue(at(1.99))).toBe(false);
    expect(task.markOverdue(at(2))).toBe(true);
    const events = task.pullEvents();
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({
      code: 'PROOF_REVIEW_OVERDUE',
      storeId: 'store-1',
      orderId: 'order-1',
    });
    expect(task.snapshot.overdueAt).toEqual(at(2));
    expect(task.markOverdue(at(3))).toBe(false);
    expect(task.pullEvents()).toEqual([]);
  });

  it('FUL-5: a proof decided in time is never overdue', () => {
    const task = proofTask();
    task.reject('r', 'blurred', at(1));
    expect(task.markOverdue(at(3))).toBe(false);
  });

  it('FUL-5: an abnormal-logistics task has no SLA to breach', () => {
    expect(abnormalTask().markOverdue(at(1000))).toBe(false);
  });

  it('FUL-5: an overdue proof can still be decided', () => {
    const task = proofTask();
    task.markOverdue(at(2));
    task.accept('r', 'ok', at(3));
    expect(task.snapshot).toMatchObject({ status: 'ACCEPTED', overdueAt: at(2) });
  });
});
