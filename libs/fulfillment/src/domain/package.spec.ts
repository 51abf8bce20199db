import { addMs, HOUR_MS, ValidationError } from '@tradehub/kernel';
import { Carrier } from './carrier';
import { FulfillmentEvents } from '../contract';
import { PackageAlreadyDelivered } from './fulfillment.errors';
import { DEFAULT_FULFILLMENT_POLICY as policy } from './fulfillment-config';
import { Package, RequestShipmentInput } from './package';
import { PackageLine } from './package-lines';
import { TrackingEventInput } from './tracking-event';
import { TrackingNumber } from './tracking-number';

const T0 = new Date('2026-03-01T08:00:00Z');
const at = (hours: number): Date => addMs(T0, hours * HOUR_MS);
const cainiao: Carrier = {
  code: 'CAINIAO',
  name: 'Cainiao',
  kind: 'marketplace_logistics',
  trackingPattern: /^(?:LP|AE)\d{14}$/,
};

let seq = 0;
const scan = (type: string, hours: number): TrackingEventInput => ({
  eventId: `ev-${++seq}`,
  type,
  occurredAt: at(hours),
});

/** FUL-1, FUL-2: requested by the seller, then confirmed with the lines the order recorded. */
function ship(input: Omit<RequestShipmentInput, 'lines'> & { lines: PackageLine[] }, now: Date): Package {
  const pkg = Package.request(input, now, policy);
  pkg.confirm(input.lines, true, now);
  return pkg;
}

function shipped(): Package {
  const pkg = ship(
    {
      orderId: 'order-1',
      storeId: 'store-1',
      buyerId: 'buyer-1',
      trackingNumber: TrackingNumber.of(cainiao, 'lp00123456789012'),
      lines: [{ lineId: '1', quantity: 2 }],
    },
    T0,
  );
  pkg.pullEvents();
  return pkg;
}

const types = (pkg: Package): string[] => pkg.pullEvents().map((e) => e.type);
const risks = (pkg: Package): string[] =>
  pkg
    .pullEvents()
    .filter((e) => e.type === FulfillmentEvents.RiskFlagRaised)
    .map((e) => (e.payload as { code: string }).code);

describe('Package.ship', () => {
  it('FUL-1: a shipment confirmed with an approved tracking number raises package-shipped, keyed by order', () => {
    const pkg = ship(
      {
        orderId: 'order-1',
        storeId: 'store-1',
        buyerId: 'buyer-1',
        trackingNumber: TrackingNumber.of(cainiao, 'LP00123456789012'),
        lines: [{ lineId: '1', quantity: 2 }],
      },
      T0,
    );
    expect(pkg.snapshot).toMatchObject({
      status: 'SHIPPED',
      shippedAt: T0,
      carrierCode: 'CAINIAO',
      confirmation: 'CONFIRMED',
    });
    expect(pkg.pullEvents()).toEqual([
      {
        type: FulfillmentEvents.PackageShipped,
        schemaVersion: 1,
        context: 'fulfillment',
        aggregateType: 'package',
        aggregateId: 'order-1',
        occurredAt: T0,
        payload: {
          orderId: 'order-1',
          packageId: pkg.id,
          storeId: 'store-1',
          carrierCode: 'CAINIAO',
          trackingNumber: 'LP00123456789012',
          lines: [{ lineId: '1', quantity: 2 }],
          shippedAt: T0.toISOString(),
        },
      },
    ]);
    expect(pkg.pullEvents()).toEqual([]);
  });

  it('FUL-2: refuses a package without lines', () => {
    const trackingNumber = TrackingNumber.of(cainiao, 'LP00123456789012');
    const input = { orderId: 'o', storeId: 's', buyerId: 'b', trackingNumber, lines: [] };
    expect(() => ship(input, T0)).toThrow(ValidationError);
  });

  it('FUL-2: restore gives back the same state', () => {
    const state = shipped().snapshot;
    expect(new Package({ ...state }).snapshot).toEqual(state);
  });
});

describe('Package.applyTrackingEvent', () => {
  it('FUL-3: PICKUP records pickup and asks for the first-scan timer', () => {
    const pkg = shipped();
    const update = pkg.applyTrackingEvent(scan('PICKUP', 1), at(1), policy);
    expect(update).toMatchObject({
      statusChanged: true,
      pickedUpNow: true,
      firstScanNow: false,
      scanAdvanced: true,
    });
    expect(pkg.snapshot).toMatchObject({
      status: 'PICKED_UP',
      pickedUpAt: at(1),
      firstScanAt: null,
      lastScanAt: at(1),
    });
    expect(pkg.firstScanCheckAt(policy)).toEqual(at(25));
  });

  it('FUL-3: the first scan after pickup is recorded once', () => {
    const pkg = shipped();
    pkg.applyTrackingEvent(scan('PICKUP', 1), at(1), policy);
    expect(pkg.applyTrackingEvent(scan('IN_TRANSIT', 5), at(5), policy)).toMatchObject({
      firstScanNow: true,
    });
    expect(pkg.applyTrackingEvent(scan('IN_TRANSIT', 9), at(9), policy)).toMatchObject({
      firstScanNow: false,
    });
    expect(pkg.snapshot).toMatchObject({ status: 'IN_TRANSIT', firstScanAt: at(5), lastScanAt: at(9) });
    expect(pkg.firstScanCheckAt(policy)).toBeNull();
  });

  it('FUL-3: without a PICKUP scan, the first scan stands for the pickup', () => {
    const pkg = shipped();
    const update = pkg.applyTrackingEvent(scan('IN_TRANSIT', 3), at(3), policy);
    expect(update).toMatchObject({ pickedUpNow: true, firstScanNow: true, statusChanged: true });
    expect(pkg.snapshot).toMatchObject({ pickedUpAt: at(3), firstScanAt: at(3), status: 'IN_TRANSIT' });
  });

  it('FUL-3: a late PICKUP dated earlier moves pickup back and does not regress the status', () => {
    const pkg = shipped();
    pkg.applyTrackingEvent(scan('IN_TRANSIT', 6), at(6), policy);
    const update = pkg.applyTrackingEvent(scan('PICKUP', 2), at(7), policy);
    expect(update).toMatchObject({ statusChanged: false, pickedUpNow: false, scanAdvanced: false });
    expect(pkg.snapshot).toMatchObject({ status: 'IN_TRANSIT', pickedUpAt: at(2), lastScanAt: at(6) });
  });

  it('FUL-4: an out-of-order EXCEPTION older than the last scan does not change the status', () => {
    const pkg = shipped();
    pkg.applyTrackingEvent(scan('IN_TRANSIT', 10), at(10), policy);
    const update = pkg.applyTrackingEvent(scan('EXCEPTION', 8), at(11), policy);
    expect(update).toMatchObject({ statusChanged: false, scanAdvanced: false });
    expect(pkg.snapshot).toMatchObject({ status: 'IN_TRANSIT', lastScanAt: at(10) });
  });

  it('FUL-4: a newer EXCEPTION, then a newer IN_TRANSIT, move the status sideways', () => {
    const pkg = shipped();
    pkg.applyTrackingEvent(scan('IN_TRANSIT', 10), at(10), policy);
    expect(pkg.applyTrackingEvent(scan('EXCEPTION', 12), at(12), policy).to).toBe('EXCEPTION');
    expect(pkg.applyTrackingEvent(scan('IN_TRANSIT', 14), at(14), policy).to).toBe('IN_TRANSIT');
  });

  it('FUL-7: DELIVERED sets deliveredAt and raises package-delivered', () => {
    const pkg = shipped();
    pkg.applyTrackingEvent(scan('IN_TRANSIT', 10), at(10), policy);
    pkg.pullEvents();
    const update = pkg.applyTrackingEvent(scan('DELIVERED', 50), at(51), policy);
    expect(update).toMatchObject({
      deliveredNow: true,
      statusChanged: true,
      from: 'IN_TRANSIT',
      to: 'DELIVERED',
    });
    expect(pkg.snapshot).toMatchObject({ status: 'DELIVERED', deliveredAt: at(50) });
    const events = pkg.pullEvents();
    expect(events.map((e) => e.type)).toEqual([
      FulfillmentEvents.LogisticsStatusChanged,
      FulfillmentEvents.PackageDelivered,
    ]);
    expect(events[1].payload).toEqual({
      orderId: 'order-1',
      packageId: pkg.id,
      storeId: 'store-1',
      deliveredAt: at(50).toISOString(),
    });
  });

  it('FUL-7: DELIVERED is final: later scans of any kind do not move it, nor deliver twice', () => {
    const pkg = shipped();
    pkg.applyTrackingEvent(scan('DELIVERED', 20), at(20), policy);
    pkg.pullEvents();
    for (const type of ['EXCEPTION', 'IN_TRANSIT', 'PICKUP', 'DELIVERED']) {
      const update = pkg.applyTrackingEvent(scan(type, 30), at(30), policy);
      expect(update).toMatchObject({ statusChanged: false, deliveredNow: false });
    }
    expect(pkg.snapshot).toMatchObject({ status: 'DELIVERED', deliveredAt: at(20) });
    expect(pkg.pullEvents()).toEqual([]);
  });

  it('FUL-7: a DELIVERED scan arriving before older transit scans still delivers; the older ones change nothing', () => {
    const pkg = shipped();
    pkg.applyTrackingEvent(scan('DELIVERED', 40), at(41), policy);
    pkg.applyTrackingEvent(scan('IN_TRANSIT', 20), at(42), policy);
    expect(pkg.snapshot).toMatchObject({ status: 'DELIVERED', deliveredAt: at(40), lastScanAt: at(40) });
  });

  it('FUL-4: a scan dated in the future counts as now', () => {
    const pkg = shipped();
    pkg.applyTrackingEvent(scan('IN_TRANSIT', 100), at(5), policy);
    expect(pkg.snapshot.lastScanAt).toEqual(at(5));
  });

  it('FUL-3: refuses an unknown event type or a missing event id', () => {
    const pkg = shipped();
    expect(() => pkg.applyTrackingEvent(scan('TELEPORTED', 1), at(1), policy)).toThrow(
      expect.objectContaining({ constructor: ValidationError, field: 'event.type' }),
    );
    expect(() => pkg.applyTrackingEvent({ ...scan('PICKUP', 1), eventId: '' }, at(1), policy)).toThrow(
      ValidationError,
    );
    expect(() =>
      pkg.applyTrackingEvent({ ...scan('PICKUP', 1), occurredAt: new Date('x') }, at(1), policy),
    ).toThrow(ValidationError);
  });
});

describe('FUL-3: no first scan', () => {
  it('FUL-3: picked up and no tracking update within 24 hours flags the package once, with a risk flag', () => {
    const pkg = shipped();
    pkg.applyTrackingEvent(scan('PICKUP', 1), at(1), policy);
    pkg.pullEvents();
    expect(pkg.noFirstScanDue(at(24.99), policy)).toBe(false);
    expect(pkg.markNoFirstScan(at(24.99), policy)).toBe(false);
    expect(pkg.noFirstScanDue(at(25), policy)).toBe(true);
    expect(pkg.markNoFirstScan(at(25), policy)).toBe(true);
    const events = pkg.pullEvents();
    expect(events.map((e) => e.type)).toEqual([
      FulfillmentEvents.NoFirstScan,
      FulfillmentEvents.RiskFlagRaised,
    ]);
    expect(events[0].payload).toMatchObject({
      pickedUpAt: at(1).toISOString(),
      deadline: at(25).toISOString(),
    });
    expect(events[1].payload).toMatchObject({
      code: 'NO_FIRST_SCAN',
      severity: 'medium',
      orderId: 'order-1',
    });
    expect(pkg.snapshot.noFirstScan).toBe(true);
    expect(pkg.markNoFirstScan(at(30), policy)).toBe(false);
    expect(pkg.pullEvents()).toEqual([]);
  });

  it('FUL-3: a first scan before the deadline means no flag', () => {
    const pkg = shipped();
    pkg.applyTrackingEvent(scan('PICKUP', 1), at(1), policy);
    pkg.applyTrackingEvent(scan('IN_TRANSIT', 20), at(20), policy);
    expect(pkg.markNoFirstScan(at(26), policy)).toBe(false);
  });

  it('FUL-3: nothing is due before pickup', () => {
    const pkg = shipped();
    expect(pkg.firstScanCheckAt(policy)).toBeNull();
    expect(pkg.markNoFirstScan(at(100), policy)).toBe(false);
  });

  it('FUL-3: the window comes from configuration', () => {
    const pkg = shipped();
    pkg.applyTrackingEvent(scan('PICKUP', 1), at(1), policy);
    expect(pkg.noFirstScanDue(at(7), { firstScanHours: 6 })).toBe(true);
  });
});

describe('FUL-4: stalled in transit', () => {
  function inTransit(): Package {
    const pkg = shipped();
    pkg.applyTrackingEvent(scan('PICKUP', 1), at(1), policy);
    pkg.applyTrackingEvent(scan('IN_TRANSIT', 10), at(10), policy);
    pkg.pullEvents();
    return pkg;
  }

  it('FUL-4: 72 hours without a tracking event moves the package into the abnormal-logistics pool', () => {
    const pkg = inTransit();
    expect(pkg.stallCheckAt(policy)).toEqual(at(82));
    expect(pkg.markStalled(at(81.9), policy)).toBe(false);
    expect(pkg.markStalled(at(82), policy)).toBe(true);
    expect(pkg.snapshot.stalledSince).toEqual(at(82));
    const events = pkg.pullEvents();
    expect(events.map((e) => e.type)).toEqual([
      FulfillmentEvents.LogisticsStalled,
      FulfillmentEvents.RiskFlagRaised,
    ]);
    expect(events[0].payload).toMatchObject({
      lastActivityAt: at(10).toISOString(),
      stalledSince: at(82).toISOString(),
    });
    expect(events[1].payload).toMatchObject({ code: 'LOGISTICS_STALLED', severity: 'high' });
    expect(pkg.markStalled(at(200), policy)).toBe(false);
  });

  it('FUL-4: a scan after the timer was set moves the deadline; the old timer is a no-op', () => {
    const pkg = inTransit();
    pkg.applyTrackingEvent(scan('IN_TRANSIT', 50), at(50), policy);
    expect(pkg.markStalled(at(82), policy)).toBe(false);
    expect(pkg.stallCheckAt(policy)).toEqual(at(122));
  });

  it('FUL-4: an out-of-order old scan does not move the deadline', () => {
    const pkg = inTransit();
    pkg.applyTrackingEvent(scan('IN_TRANSIT', 5), at(60), policy);
    expect(pkg.stallCheckAt(policy)).toEqual(at(82));
  });

  it('FUL-4: a package picked up but never scanned again stalls 72 hours after pickup', () => {
    const pkg = shipped();
    pkg.applyTrackingEvent(scan('PICKUP', 1), at(1), policy);
    expect(pkg.stallCheckAt(policy)).toEqual(at(73));
  });

  it('FUL-4: only a package in transit can stall', () => {
    expect(shipped().markStalled(at(500), policy)).toBe(false);
    const delivered = shipped();
    delivered.applyTrackingEvent(scan('DELIVERED', 1), at(1), policy);
    expect(delivered.stallCheckAt(policy)).toBeNull();
    expect(delivered.markStalled(at(500), policy)).toBe(false);
  });

  it('FUL-4: a new scan does not take the package out of the pool; the operator closing the task does', () => {
    const pkg = inTransit();
    pkg.markStalled(at(82), policy);
    pkg.applyTrackingEvent(scan('IN_TRANSIT', 90), at(90), policy);
    expect(pkg.snapshot.stalledSince).toEqual(at(82));
    pkg.leaveAbnormalPool(at(95), policy);
    expect(pkg.snapshot.stalledSince).toBeNull();
    // The stall clock restarts at the decision (95 h), never at an older scan: a closed case is not re-stalled at once.
    expect(pkg.stallCheckAt(policy)).toEqual(at(167));
  });
});

describe('FUL-5: track correction', () => {
  it('FUL-5: an accepted proof counts a shipped package as picked up', () => {
    const pkg = shipped();
    pkg.correctTracking(at(3), policy);
    expect(pkg.snapshot).toMatchObject({ status: 'PICKED_UP', pickedUpAt: at(3), trackCorrectedAt: at(3) });
    expect(types(pkg)).toEqual([FulfillmentEvents.LogisticsStatusChanged, FulfillmentEvents.TrackCorrected]);
  });

  it('FUL-5: a package further along keeps its status and pickup time; the correction restarts the stall gap', () => {
    const pkg = shipped();
    pkg.applyTrackingEvent(scan('PICKUP', 1), at(1), policy);
    pkg.applyTrackingEvent(scan('IN_TRANSIT', 2), at(2), policy);
    pkg.pullEvents();
    pkg.correctTracking(at(40), policy);
    expect(pkg.snapshot).toMatchObject({ status: 'IN_TRANSIT', pickedUpAt: at(1), trackCorrectedAt: at(40) });
    expect(types(pkg)).toEqual([FulfillmentEvents.TrackCorrected]);
    expect(pkg.stallCheckAt(policy)).toEqual(at(112));
  });

  it('FUL-5: a delivered package needs no correction', () => {
    const pkg = shipped();
    pkg.applyTrackingEvent(scan('DELIVERED', 1), at(1), policy);
    expect(() => pkg.correctTracking(at(2), policy)).toThrow(
      expect.objectContaining({ constructor: PackageAlreadyDelivered, code: 'PACKAGE_ALREADY_DELIVERED' }),
    );
    expect(risks(pkg)).toEqual([]);
  });
});
