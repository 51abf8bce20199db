import type { EventCatalogue } from '@tradehub/kernel';
import {
  type BoardFlagClearedV1,
  type BoardFlagRaisedV1,
  type CampaignEligibilityChangedV1,
  ComplianceEvents,
  type ComplianceEventType,
  type DowngradeWarningClearedV1,
  type DowngradeWarningRaisedV1,
  type PenaltyCaseRecordedV1,
  type PenaltyCaseReversedV1,
  type SellerAccountStatusChangedV1,
  type SlaScoreChangedV1,
} from './events';

const storeId = 'store-es-01';
const sellerId = 'seller-88';
const orderId = '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b';
const caseId = '019a2c00-1111-7222-8333-444455556666';
const flagId = '019a2c10-1111-7222-8333-444455556666';
const at = '2026-03-10T00:00:00.000Z';

/** Every integration event of the Compliance context: payload interface, summary and example (docs/asyncapi.json). */
export const COMPLIANCE_EVENT_CATALOGUE: EventCatalogue<ComplianceEventType> = {
  [ComplianceEvents.SlaScoreChanged]: {
    type: ComplianceEvents.SlaScoreChanged,
    payload: 'SlaScoreChangedV1',
    summary:
      "CMP-1: a store's SLA score over the window moved; every part with its value, sub-score, weight and contribution.",
    example: {
      storeId,
      asOf: at,
      windowDays: 90,
      score: '87.50',
      parts: [
        { metric: 'DISPUTE_RATE', value: '0.016000', subScore: '75.00', weight: 15, contribution: '11.25' },
        {
          metric: 'CANCELLATION_RATE',
          value: '0.000000',
          subScore: '100.00',
          weight: 15,
          contribution: '15.00',
        },
        {
          metric: 'ABNORMAL_LOGISTICS_RATE',
          value: '0.050000',
          subScore: '50.00',
          weight: 15,
          contribution: '7.50',
        },
        {
          metric: 'ON_TIME_SHIPMENT_RATE',
          value: '1.000000',
          subScore: '100.00',
          weight: 20,
          contribution: '20.00',
        },
        { metric: 'DSR_MEAN', value: '4.850000', subScore: '85.00', weight: 20, contribution: '17.00' },
        { metric: 'POSITIVE_RATE', value: '0.978000', subScore: '80.00', weight: 15, contribution: '12.00' },
      ],
    } satisfies SlaScoreChangedV1,
  },
  [ComplianceEvents.DowngradeWarningRaised]: {
    type: ComplianceEvents.DowngradeWarningRaised,
    payload: 'DowngradeWarningRaisedV1',
    summary: 'CMP-2: a store crossed a downgrade bar over the window (raised once until cleared).',
    example: {
      storeId,
      warning: 'DISPUTE_RATE',
      value: '0.033333',
      bar: '0.032000',
      above: true,
      windowDays: 90,
      raisedAt: at,
    } satisfies DowngradeWarningRaisedV1,
  },
  [ComplianceEvents.DowngradeWarningCleared]: {
    type: ComplianceEvents.DowngradeWarningCleared,
    payload: 'DowngradeWarningClearedV1',
    summary: 'CMP-2: the metric is back on the right side of its bar (or no longer rated).',
    example: {
      storeId,
      warning: 'DISPUTE_RATE',
      value: '0.031250',
      bar: '0.032000',
      clearedAt: at,
    } satisfies DowngradeWarningClearedV1,
  },
  [ComplianceEvents.CampaignEligibilityChanged]: {
    type: ComplianceEvents.CampaignEligibilityChanged,
    payload: 'CampaignEligibilityChangedV1',
    summary: "CMP-3: a store's major-campaign eligibility changed, with every reason.",
    example: {
      storeId,
      sellerId,
      eligible: false,
      reasons: [
        {
          code: 'DSR_BELOW_BAR',
          dimension: 'SHIPPING_SPEED',
          value: '4.6500',
          bar: '4.7000',
          message: 'DSR SHIPPING_SPEED 4.6500 is below 4.7000.',
        },
      ],
      asOf: at,
    } satisfies CampaignEligibilityChangedV1,
  },
  [ComplianceEvents.PenaltyCaseRecorded]: {
    type: ComplianceEvents.PenaltyCaseRecorded,
    payload: 'PenaltyCaseRecordedV1',
    summary: 'CMP-4: a confirmed fake-shipment case (FUL-6) cost the seller penalty points.',
    example: {
      caseId,
      sellerId,
      storeId,
      orderId,
      reference: '019a2b90-1111-7222-8333-444455556666',
      points: 6,
      totalPoints: 6,
      countedCases: 1,
      recordedAt: at,
    } satisfies PenaltyCaseRecordedV1,
  },
  [ComplianceEvents.PenaltyCaseReversed]: {
    type: ComplianceEvents.PenaltyCaseReversed,
    payload: 'PenaltyCaseReversedV1',
    summary:
      "CMP-4: an operator's appeal decision reversed a case (a reversing entry; the case stays on record).",
    example: {
      caseId,
      sellerId,
      storeId,
      points: 6,
      totalPoints: 0,
      countedCases: 0,
      reason: 'carrier confirmed the pickup',
      decidedBy: 'op-7',
      reversedAt: at,
    } satisfies PenaltyCaseReversedV1,
  },
  [ComplianceEvents.SellerAccountStatusChanged]: {
    type: ComplianceEvents.SellerAccountStatusChanged,
    payload: 'SellerAccountStatusChangedV1',
    summary:
      'CMP-4: a seller account closed (second counted case) or reopened; a closed seller takes no orders, ships nothing, passes no campaign gate.',
    example: {
      sellerId,
      closed: true,
      reason: 'second confirmed fake-shipment case',
      storeIds: [storeId],
      changedAt: at,
    } satisfies SellerAccountStatusChangedV1,
  },
  [ComplianceEvents.BoardFlagRaised]: {
    type: ComplianceEvents.BoardFlagRaised,
    payload: 'BoardFlagRaisedV1',
    summary: 'CMP-5: a flag of the 17 risk types landed on the risk board (from any context).',
    example: {
      flagId,
      riskType: 6,
      code: 'LOGISTICS_STALLED',
      severity: 'high',
      storeId,
      orderId,
      packageId: '019a2b70-1111-7222-8333-444455556666',
      reason: 'no tracking event for 72 h in transit',
      source: 'fulfillment',
      raisedAt: at,
    } satisfies BoardFlagRaisedV1,
  },
  [ComplianceEvents.BoardFlagCleared]: {
    type: ComplianceEvents.BoardFlagCleared,
    payload: 'BoardFlagClearedV1',
    summary: 'CMP-5: a flag on the board was cleared (by its context, or by Compliance).',
    example: {
      flagId,
      riskType: 6,
      code: 'LOGISTICS_STALLED',
      storeId,
      orderId,
      packageId: '019a2b70-1111-7222-8333-444455556666',
      reason: 'a tracking scan arrived',
      clearedAt: at,
    } satisfies BoardFlagClearedV1,
  },
};
