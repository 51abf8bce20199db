import {
  FulfillmentEvents,
  type LogisticsStatusChangedV1,
  type PackageRefV1,
  type PackageShippedV1,
  type ReviewTaskDecidedV1,
  type ReviewTaskOpenedV1,
  type RiskFlagRaisedV1,
} from '@tradehub/fulfillment/contract';
import type { EventHandler, IncomingEvent, Tx, UnitOfWork } from '@tradehub/platform';
import type { PackageHintRepository } from '../database/package-hint.repository';
import type { RiskBoard } from '../risk-board';
import { raiseFromEvent } from './flag-messages';

/** Scans that are a tracking update after pickup (FUL-3) and tracking resumed (FUL-4). */
const MOVING = new Set(['IN_TRANSIT', 'EXCEPTION', 'DELIVERED']);

/** The package events that tell which package the next flag of this code is about. */
const HINTING: Readonly<Record<string, string>> = {
  [FulfillmentEvents.NoFirstScan]: 'NO_FIRST_SCAN',
  [FulfillmentEvents.LogisticsStalled]: 'LOGISTICS_STALLED',
};

/** Flags about one package: the board keys them by it, so one parcel's scan ends only its own flags. */
const PACKAGE_CODES = new Set([
  'NO_FIRST_SCAN',
  'LOGISTICS_STALLED',
  'PROOF_REVIEW_OVERDUE',
  'FAKE_SHIPMENT_SUSPECTED',
]);

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
  hints: PackageHintRepository,
): EventHandler {
  const clear = (tx: Tx, event: IncomingEvent, code: string, reason: string) => {
    const { storeId, orderId, packageId } = event.data as unknown as PackageRefV1;
    return board.clear(tx, { code, storeId, orderId, packageId }, reason, event.time);
  };
  const note = (tx: Tx, event: IncomingEvent, code: string) => {
    const { orderId, packageId } = event.data as unknown as PackageRefV1;
    return hints.note(tx, orderId, code, packageId, event.time);
  };

  const reactions: Record<string, (tx: Tx, event: IncomingEvent) => Promise<unknown>> = {
    async [FulfillmentEvents.RiskFlagRaised](tx, event) {
      const { code, orderId } = event.data as Partial<RiskFlagRaisedV1> & { packageId?: string };
      const hinted =
        typeof code === 'string' && PACKAGE_CODES.has(code) && typeof orderId === 'string'
          ? await hints.take(tx, orderId, code)
          : null;
      // Should Fulfillment one day send the package itself, that wins over the hint.
      const sent = (event.data as { packageId?: unknown }).packageId;
      await raiseFromEvent(board, tx, event, 'fulfillment', typeof sent === 'string' ? sent : hinted);
    },
    [FulfillmentEvents.NoFirstScan]: (tx, event) => note(tx, event, HINTING[event.type]),
    [FulfillmentEvents.LogisticsStalled]: (tx, event) => note(tx, event, HINTING[event.type]),
    async [FulfillmentEvents.ReviewTaskOpened](tx, event) {
      if ((event.data as unknown as ReviewTaskOpenedV1).kind === 'LOGISTICS_PROOF')
        await note(tx, event, 'PROOF_REVIEW_OVERDUE');
    },
    async [FulfillmentEvents.ReviewTaskDecided](tx, event) {
      const { kind, decision, orderId, packageId } = event.data as unknown as ReviewTaskDecidedV1;
      // A rejected proof (FUL-5) or a confirmed fake (FUL-6) is followed by FAKE_SHIPMENT_SUSPECTED.
      if (decision === 'REJECTED' || decision === 'FAKE_SHIPMENT_CONFIRMED')
        await note(tx, event, 'FAKE_SHIPMENT_SUSPECTED');
      if (kind === 'LOGISTICS_PROOF') {
        await hints.drop(tx, orderId, 'PROOF_REVIEW_OVERDUE', packageId);
        await clear(tx, event, 'PROOF_REVIEW_OVERDUE', `the logistics proof was reviewed: ${decision}`);
      }
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
