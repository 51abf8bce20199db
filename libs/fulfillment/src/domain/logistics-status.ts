/** A package's logistics status (one per package; the order keeps its own status beside it). */
export const LOGISTICS_STATUSES = ['SHIPPED', 'PICKED_UP', 'IN_TRANSIT', 'EXCEPTION', 'DELIVERED'] as const;

export type LogisticsStatus = (typeof LOGISTICS_STATUSES)[number];

/** What carriers report through the logistics team's tracking events. */
export const TRACKING_EVENT_TYPES = ['PICKUP', 'IN_TRANSIT', 'EXCEPTION', 'DELIVERED'] as const;

export type TrackingEventType = (typeof TRACKING_EVENT_TYPES)[number];

export const STATUS_FOR_EVENT: Readonly<Record<TrackingEventType, LogisticsStatus>> = Object.freeze({
  PICKUP: 'PICKED_UP',
  IN_TRANSIT: 'IN_TRANSIT',
  EXCEPTION: 'EXCEPTION',
  DELIVERED: 'DELIVERED',
});

/**
 * Progress order. IN_TRANSIT and EXCEPTION share a rank: a parcel goes back and forth between
 * them, and the newer scan decides which one it is in.
 */
export const LOGISTICS_STATUS_RANK: Readonly<Record<LogisticsStatus, number>> = Object.freeze({
  SHIPPED: 0,
  PICKED_UP: 1,
  IN_TRANSIT: 2,
  EXCEPTION: 2,
  DELIVERED: 3,
});

/** The package state machine as data (STYLE 4): forward only, DELIVERED final (FUL-7). */
export const LOGISTICS_TRANSITIONS: Readonly<Record<LogisticsStatus, readonly LogisticsStatus[]>> = {
  SHIPPED: ['PICKED_UP', 'IN_TRANSIT', 'EXCEPTION', 'DELIVERED'],
  PICKED_UP: ['IN_TRANSIT', 'EXCEPTION', 'DELIVERED'],
  IN_TRANSIT: ['EXCEPTION', 'DELIVERED'],
  EXCEPTION: ['IN_TRANSIT', 'DELIVERED'],
  DELIVERED: [],
};

/** FUL-4: the statuses in which a package is in transit and can stall. */
export const IN_TRANSIT_STATUSES: readonly LogisticsStatus[] = ['PICKED_UP', 'IN_TRANSIT', 'EXCEPTION'];

export function canTransition(from: LogisticsStatus, to: LogisticsStatus): boolean {
  return LOGISTICS_TRANSITIONS[from].includes(to);
}

/**
 * Out-of-order tolerant progress: a scan moves the status only along the table, and a sideways
 * move (IN_TRANSIT <-> EXCEPTION) only when the scan is newer than every scan seen before. A late,
 * older scan never moves a package backwards; nothing moves a delivered one.
 */
export function progressStatus(
  current: LogisticsStatus,
  reported: LogisticsStatus,
  newest: boolean,
): LogisticsStatus {
  if (!canTransition(current, reported)) return current;
  const sideways = LOGISTICS_STATUS_RANK[reported] === LOGISTICS_STATUS_RANK[current];
  return sideways && !newest ? current : reported;
}
