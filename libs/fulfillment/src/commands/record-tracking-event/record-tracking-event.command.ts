import { Command } from '@nestjs/cqrs';
import { StoreScope } from '@tradehub/platform';
import { TrackingEventRequest, TrackingEventResult } from './tracking-event.request.dto';

/** FUL-3, FUL-4, FUL-7: one carrier scan, applied to the packages the caller may see. */
export class RecordTrackingEventCommand extends Command<TrackingEventResult> {
  constructor(
    readonly request: TrackingEventRequest,
    readonly scope: StoreScope = StoreScope.all(),
  ) {
    super();
  }
}
