import { Command } from '@nestjs/cqrs';
import { StoreScope } from '@tradehub/platform';
import { ReviewTaskResponse } from '../../views/review-task.response';

/** FUL-5: the carrier's pickup proof for a package whose track is missing. */
export class UploadProofCommand extends Command<ReviewTaskResponse> {
  constructor(
    readonly packageId: string,
    readonly file: { bytes: Uint8Array; fileName: string },
    readonly scope: StoreScope,
    readonly submittedBy: string,
  ) {
    super();
  }
}
