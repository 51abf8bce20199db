import { Command } from '@nestjs/cqrs';
import type { OpenRequestMessage } from './open-request.message';

export interface OpenRequestResult {
  requestId: string;
  /** False when the marketplace's request id was met before: the same request is answered. */
  created: boolean;
}

/** A buyer's refund request arrives (REST or the buyers' topic). Idempotent on the marketplace's id. */
export class OpenRequestCommand extends Command<OpenRequestResult> {
  constructor(
    readonly message: OpenRequestMessage,
    /** The caller's stores (null: every store, as for the buyers' topic); another store's order is not found. */
    readonly stores: readonly string[] | null = null,
    /** Who may cite evidence here: files this principal uploaded (null: a trusted team's topic). */
    readonly uploadedBy: string | null = null,
  ) {
    super();
  }
}
