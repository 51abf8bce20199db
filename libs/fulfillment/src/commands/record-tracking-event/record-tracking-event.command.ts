import { Command } from '@nestjs/cqrs';
import { TrackingEventRequest, TrackingEventResult } from './tracking-event.request.dto';

/** FUL-3, FUL-4, FUL-7: one carrier scan. */
export class RecordTrackingEventCommand extends Command<TrackingEventResult> {
  constructor(readonly request: TrackingEventRequest) {
    super();
  }
}
