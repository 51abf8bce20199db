import {
  FulfillmentEvents,
  type LogisticsStatusChangedV1,
  type PackageRefV1,
  type PackageShippedV1,
  type ReviewTaskDecidedV1,
} from '@tradehub/fulfillment/contract';
import type { EventHandler, IncomingEvent, Tx, UnitOfWork } from '@tradehub/platform';
import type { RiskBoard } from '../risk-board';
import { raiseFromEvent } from './flag-messages';

/** Scans that are a tracking update after pickup (FUL-3) and tracking resumed (FUL-4). */
const MOVING = new Set(['IN_TRANSIT', 'EXCEPTION', 'DELIVERED']);

/**
 * CMP-5: Fulfillment raises flags 4-8 and never clears them; its later events say when each ends:
 * - INVALID_TRACKING_NUMBER (order): `package-shipped` of the order (a valid number was confirmed);
 * - NO_FIRST_SCAN, LOGISTICS_STALLED (package): `logistics-status-changed` to IN_TRANSIT, EXCEPTION
 *   or DELIVERED (a scan came); LOGISTICS_STALLED also the operator's decision on its
 *   ABNORMAL_LOGISTICS task (`review-task-decided`);
 * - PROOF_REVIEW_OVERDUE (package): `review-task-decided` of the LOGISTICS_PROOF task;
 * - FAKE_SHIPMENT_SUSPECTED (package): `track-corrected` (a later pickup proof was accepted).
 */
export function fulfillmentFlagsReaction(
  topic: string,
  database: UnitOfWork,
  board: RiskBoard,
): EventHandler {
  const clear = (tx: Tx, event: IncomingEvent, code: string, reason: string) => {
    const { storeId, orderId, packageId } = event.data as unknown as PackageRefV1;
    return board.clear(tx, { code, storeId, orderId, packageId }, reason, event.time);
  };

  const reactions: Record<string, (tx: Tx, event: IncomingEvent) => Promise<unknown>> = {
    // Flags about one parcel name it (packageId); a refused tracking number names none.
    [FulfillmentEvents.RiskFlagRaised]: (tx, event) => {
      const sent = (event.data as { packageId?: unknown }).packageId;
      return raiseFromEvent(board, tx, event, 'fulfillment', typeof sent === 'string' ? sent : null);
    },
    async [FulfillmentEvents.ReviewTaskDecided](tx, event) {
      const { kind, decision } = event.data as unknown as ReviewTaskDecidedV1;
      if (kind === 'LOGISTICS_PROOF')
        await clear(tx, event, 'PROOF_REVIEW_OVERDUE', `the logistics proof was reviewed: ${decision}`);
      if (kind === 'ABNORMAL_LOGISTICS')
        await clear(tx, event, 'LOGISTICS_STALLED', `the abnormal-logistics case was decided: ${decision}`);
    },
    async [FulfillmentEvents.LogisticsStatusChanged](tx, event) {
      const { to } = event.data as unknown as LogisticsStatusChangedV1;
      if (!MOVING.has(to)) return;
      await clear(tx, event, 'NO_FIRST_SCAN', `a tracking update arrived (${to})`);
      await clear(tx, event, 'LOGISTICS_STALLED', `tracking resumed (${to})`);
    },
    [FulfillmentEvents.TrackCorrected]: (tx, event) =>
      clear(tx, event, 'FAKE_SHIPMENT_SUSPECTED', 'a pickup proof was accepted: the track is corrected'),
    async [FulfillmentEvents.PackageShipped](tx, event) {
      const { storeId, orderId } = event.data as unknown as PackageShippedV1;
      const key = { code: 'INVALID_TRACKING_NUMBER', storeId, orderId };
      await board.clear(tx, key, 'a shipment with a valid tracking number was confirmed', event.time);
    },
  };

  return {
    consumer: 'compliance.board-fulfillment',
    topic,
    database,
    types: Object.keys(reactions),
    async handle(event: IncomingEvent, tx: Tx): Promise<void> {
      await reactions[event.type]?.(tx, event);
    },
  };
}
