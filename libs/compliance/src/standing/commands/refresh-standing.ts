import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, type DomainEvent, nextUtcMidnight, utcDayWindow } from '@tradehub/kernel';
import type { Tx } from '@tradehub/platform';
import { RiskBoard } from '../../board';
import {
  type CampaignEligibilityChangedV1,
  ComplianceEvents,
  type DowngradeWarningClearedV1,
  type DowngradeWarningRaisedV1,
  type SlaScoreChangedV1,
} from '../../contract/events';
import { StoreDirectory } from '../../directory';
import { complianceEvent } from '../../domain/compliance-event';
import { AccountStatus } from '../database/account-status';
import { RollupRepository } from '../database/rollup.repository';
import { StandingRepository, type StoredStanding } from '../database/standing.repository';
import {
  campaignEligibility,
  downgradeWarnings,
  formatDecimal,
  slaScore,
  type WarningReading,
} from '../domain';
import { STANDING_POLICY, type StandingPolicy } from '../standing.config';
import { FactsRecorder } from './facts-recorder';
import { RatingsSource } from './ratings-source';

const SOURCE = 'compliance';
const DSR_FLAG = 'DSR_BELOW_CAMPAIGN_BAR';

/**
 * CMP-1..3 for one store as of now: the score and its parts (history kept per day), the downgrade
 * warnings raised once and cleared when they no longer hold (with risk types 15-17 on the board),
 * and the campaign gate. Events only for what changed. Returns when the store should be looked at
 * again as its window moves (the next UTC midnight), or null when nothing is left in the window.
 */
@Injectable()
export class StandingRefresher {
  constructor(
    private readonly rollups: RollupRepository,
    private readonly standing: StandingRepository,
    private readonly directory: StoreDirectory,
    private readonly accounts: AccountStatus,
    private readonly ratings: RatingsSource,
    private readonly board: RiskBoard,
    private readonly facts: FactsRecorder,
    @Inject(STANDING_POLICY) private readonly policy: StandingPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async refresh(tx: Tx, storeId: string): Promise<Date | null> {
    const now = this.clock.now();
    const previous = await this.standing.lock(tx, storeId);
    const window = utcDayWindow(now, this.policy.windowDays);
    await this.facts.sweepSlow(tx, storeId, now, new Date(`${window.from}T00:00:00Z`));
    const totals = await this.rollups.window(tx, storeId, window.from, window.to);
    const ratings = await this.ratings.figures(storeId);
    const owner = await this.directory.owner(tx, storeId);
    const closed = owner ? await this.accounts.closed(tx, owner.sellerId) : false;

    const score = slaScore(totals, ratings, this.policy.sla);
    const gate = campaignEligibility(ratings, closed, this.policy.campaignDsrBar);
    const next: StoredStanding = {
      storeId,
      asOf: now,
      score: score.score === null ? null : formatDecimal(score.score, 2),
      parts: score.parts,
      eligible: gate.eligible,
      reasons: gate.reasons,
    };
    await this.standing.save(tx, next, window.to);

    const events: DomainEvent<object>[] = [];
    if (
      !previous ||
      previous.score !== next.score ||
      JSON.stringify(previous.parts) !== JSON.stringify(next.parts)
    )
      events.push(
        complianceEvent<SlaScoreChangedV1>(ComplianceEvents.SlaScoreChanged, storeId, now, {
          storeId,
          asOf: now.toISOString(),
          windowDays: this.policy.windowDays,
          score: next.score,
          parts: next.parts,
        }),
      );
    const readings = downgradeWarnings(totals, ratings, this.policy.bars);
    events.push(...(await this.warnings(tx, storeId, readings, now)));
    await this.flags(tx, storeId, readings, gate.reasons, now);
    if (
      !previous ||
      previous.eligible !== next.eligible ||
      JSON.stringify(previous.reasons) !== JSON.stringify(next.reasons)
    )
      events.push(
        complianceEvent<CampaignEligibilityChangedV1>(
          ComplianceEvents.CampaignEligibilityChanged,
          storeId,
          now,
          {
            storeId,
            sellerId: owner?.sellerId ?? null,
            eligible: next.eligible,
            reasons: next.reasons,
            asOf: now.toISOString(),
          },
        ),
      );
    tx.publish(events, {
      action: 'compliance.standing-refreshed',
      subjectType: 'store-standing',
      subjectId: storeId,
      storeId,
      changes: {
        score: next.score,
        eligible: next.eligible,
        warnings: readings.filter((r) => r.holds).map((r) => r.warning),
      },
    });
    const active = Object.values(totals).some((v) => v !== 0);
    return active ? nextUtcMidnight(now) : null;
  }

  /** CMP-2: raised once when a bar is crossed, cleared when it no longer is. */
  private async warnings(
    tx: Tx,
    storeId: string,
    readings: WarningReading[],
    now: Date,
  ): Promise<DomainEvent<object>[]> {
    const open = new Map((await this.standing.openWarnings(tx, storeId)).map((w) => [w.warning, w]));
    const events: DomainEvent<object>[] = [];
    for (const r of readings) {
      const current = open.get(r.warning);
      if (r.holds && !current) {
        await this.standing.raiseWarning(tx, storeId, r.warning, r.value!, r.bar, now);
        events.push(
          complianceEvent<DowngradeWarningRaisedV1>(ComplianceEvents.DowngradeWarningRaised, storeId, now, {
            storeId,
            warning: r.warning,
            value: r.value!,
            bar: r.bar,
            above: r.above,
            windowDays: this.policy.windowDays,
            raisedAt: now.toISOString(),
          }),
        );
      } else if (!r.holds && current) {
        await this.standing.clearWarning(tx, current.id, r.value, now);
        events.push(
          complianceEvent<DowngradeWarningClearedV1>(ComplianceEvents.DowngradeWarningCleared, storeId, now, {
            storeId,
            warning: r.warning,
            value: r.value,
            bar: r.bar,
            clearedAt: now.toISOString(),
          }),
        );
      }
    }
    return events;
  }

  /** CMP-5's types 15 and 16 follow their warnings; 17 holds for a DSR under the campaign bar or the positive-rate warning. */
  private async flags(
    tx: Tx,
    storeId: string,
    readings: WarningReading[],
    reasons: { code: string; message: string }[],
    now: Date,
  ): Promise<void> {
    const why = new Map<string, string[]>();
    for (const r of readings)
      if (r.holds)
        (why.get(r.riskCode) ?? why.set(r.riskCode, []).get(r.riskCode)!).push(
          `${r.warning} ${r.value} is ${r.above ? 'above' : 'below'} ${r.bar} over ${this.policy.windowDays} days`,
        );
    for (const reason of reasons)
      if (reason.code === 'DSR_BELOW_BAR')
        (why.get(DSR_FLAG) ?? why.set(DSR_FLAG, []).get(DSR_FLAG)!).push(reason.message);
    for (const code of ['DISPUTE_RATE_HIGH', 'SLOW_FULFILLMENT_SHARE_HIGH', DSR_FLAG]) {
      const key = { code, storeId, orderId: null };
      const held = why.get(code);
      if (held) await this.board.raise(tx, { ...key, reason: held.join('; '), source: SOURCE }, now);
      else await this.board.clear(tx, key, 'the store is back within the bar', now);
    }
  }
}
