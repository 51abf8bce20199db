import { Inject, Injectable } from '@nestjs/common';
import { StoreScope, type Tx } from '@tradehub/platform';
import { DisputeEvents, type DisputeRateChangedV1 } from '../../contract/events';
import { DisputeRateRepository } from '../../database/dispute-rate.repository';
import { disputeEvent, disputeRate, rateWindow } from '../../domain';
import { DISPUTES_POLICY, type DisputesPolicy } from '../../disputes.config';

/**
 * DSP-6's daily counts, kept as orders arrive and as orders get their first request; a new
 * disputed order publishes the store's rate over the window for Compliance and analytics.
 */
@Injectable()
export class DisputeRateCounter {
  constructor(
    private readonly rates: DisputeRateRepository,
    @Inject(DISPUTES_POLICY) private readonly policy: DisputesPolicy,
  ) {}

  async countOrder(tx: Tx, storeId: string, paidAt: Date): Promise<void> {
    await this.rates.countOrder(tx, storeId, paidAt);
  }

  async countDisputedOrder(tx: Tx, storeId: string, now: Date): Promise<void> {
    await this.rates.countDisputed(tx, storeId, now);
    const days = this.policy.rateWindowDays;
    const window = rateWindow(now, days);
    const [row] = await this.rates.window(tx, StoreScope.all(), storeId, window.from, window.to);
    const orders = row?.orders ?? 0;
    const disputedOrders = row?.disputedOrders ?? 0;
    tx.publish(
      [
        disputeEvent<DisputeRateChangedV1>(DisputeEvents.DisputeRateChanged, 'store', storeId, now, {
          storeId,
          windowDays: days,
          windowStart: `${window.from}T00:00:00.000Z`,
          asOf: now.toISOString(),
          orders,
          disputedOrders,
          rate: disputeRate(disputedOrders, orders),
        }),
      ],
      {
        action: 'disputes.dispute-counted',
        subjectType: 'store-dispute-rate',
        subjectId: storeId,
        storeId,
        changes: { day: window.to, orders, disputedOrders },
      },
    );
  }
}
