import { ValidationError } from '@tradehub/kernel';
import { TRACKING_EVENT_TYPES, TrackingEventType } from './logistics-status';

/** A carrier tracking event as the logistics team reports it. */
export interface TrackingEventInput {
  /** The logistics team's event id; the inbox drops duplicates before the domain sees them. */
  eventId: string;
  type: string;
  /** The carrier's time of the scan. */
  occurredAt: Date;
  location?: string | null;
  description?: string | null;
}

export interface TrackingEvent {
  eventId: string;
  type: TrackingEventType;
  occurredAt: Date;
  location: string | null;
  description: string | null;
}

export function parseTrackingEvent(input: TrackingEventInput, field = 'event'): TrackingEvent {
  if (typeof input.eventId !== 'string' || input.eventId.trim().length === 0) {
    throw new ValidationError('is required', `${field}.eventId`);
  }
  if (!(TRACKING_EVENT_TYPES as readonly string[]).includes(input.type)) {
    throw new ValidationError(`must be one of ${TRACKING_EVENT_TYPES.join(', ')}`, `${field}.type`);
  }
  if (!(input.occurredAt instanceof Date) || Number.isNaN(input.occurredAt.getTime())) {
    throw new ValidationError('must be a valid instant', `${field}.occurredAt`);
  }
  return {
    eventId: input.eventId,
    type: input.type as TrackingEventType,
    occurredAt: input.occurredAt,
    location: input.location ?? null,
    description: input.description ?? null,
  };
}
