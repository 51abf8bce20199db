import { LogisticsStatus, progressStatus, STATUS_FOR_EVENT } from './logistics-status';
import { TrackingEvent } from './tracking-event';

/** The part of a package that carrier scans move. */
export interface ScanState {
  status: LogisticsStatus;
  pickedUpAt: Date | null;
  firstScanAt: Date | null;
  lastScanAt: Date | null;
  deliveredAt: Date | null;
}

/** What one tracking event changed, so the caller (re)schedules its timers. */
export interface TrackingUpdate {
  /** The scan's carrier time, capped at `now`. */
  at: Date;
  from: LogisticsStatus;
  to: LogisticsStatus;
  statusChanged: boolean;
  /** FUL-3: pickup is now known; schedule the first-scan check. */
  pickedUpNow: boolean;
  /** FUL-3: the first tracking update after pickup arrived. */
  firstScanNow: boolean;
  /** FUL-7: the package was delivered by this event. */
  deliveredNow: boolean;
  /** FUL-4: the newest scan moved forward; move the stall check. */
  scanAdvanced: boolean;
}

const earliest = (a: Date | null, b: Date): Date => (a !== null && a.getTime() <= b.getTime() ? a : b);
const latest = (a: Date | null, b: Date): Date => (a !== null && a.getTime() >= b.getTime() ? a : b);

/**
 * FUL-3, FUL-4, FUL-7: folds one carrier scan into the package, tolerating any arrival order.
 * A scan dated after `now` counts as `now` (carrier clocks and time zones are not trusted to push
 * deadlines into the future). Pickup is the PICKUP scan, or any first scan when no PICKUP came;
 * the first scan is the earliest non-PICKUP one; the last scan is the newest of all.
 */
export function progressTracking(
  state: ScanState,
  event: TrackingEvent,
  now: Date,
): { next: ScanState; update: TrackingUpdate } {
  const at = earliest(event.occurredAt, now);
  const isPickup = event.type === 'PICKUP';
  const atOrAfterLast = state.lastScanAt === null || at.getTime() >= state.lastScanAt.getTime();
  const status = progressStatus(state.status, STATUS_FOR_EVENT[event.type], atOrAfterLast);
  const deliveredNow = status === 'DELIVERED' && state.status !== 'DELIVERED';
  const next: ScanState = {
    status,
    pickedUpAt: isPickup ? earliest(state.pickedUpAt, at) : (state.pickedUpAt ?? at),
    firstScanAt: isPickup ? state.firstScanAt : earliest(state.firstScanAt, at),
    lastScanAt: latest(state.lastScanAt, at),
    deliveredAt: deliveredNow ? at : state.deliveredAt,
  };
  const update: TrackingUpdate = {
    at,
    from: state.status,
    to: status,
    statusChanged: status !== state.status,
    pickedUpNow: state.pickedUpAt === null,
    firstScanNow: state.firstScanAt === null && next.firstScanAt !== null,
    deliveredNow,
    scanAdvanced: state.lastScanAt === null || at.getTime() > state.lastScanAt.getTime(),
  };
  return { next, update };
}
