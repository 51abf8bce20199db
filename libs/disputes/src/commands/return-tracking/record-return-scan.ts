import { ApiProperty } from '@nestjs/swagger';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { RefundRequestRepository } from '../../database/refund-request.repository';
import { ReturnScanRepository } from '../../database/return-scan.repository';
import { DISPUTES_POLICY, type DisputesPolicy } from '../../disputes.config';
import type { ReturnScanMessage } from './return-scan.message';

export class ReturnScanResult {
  @ApiProperty({
    description:
      'Requests whose inspection this scan started (0 for other scan types, a redelivery, or an unknown parcel)',
  })
  applied!: number;

  @ApiProperty({ type: [String] }) requestIds!: string[];
}

/** DSP-3: a return parcel's scan; its delivery to the seller starts the 48-hour inspection. */
export class RecordReturnScanCommand extends Command<ReturnScanResult> {
  constructor(readonly scan: ReturnScanMessage) {
    super();
  }
}

@CommandHandler(RecordReturnScanCommand)
export class RecordReturnScanHandler implements ICommandHandler<RecordReturnScanCommand, ReturnScanResult> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: RefundRequestRepository,
    private readonly scans: ReturnScanRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DISPUTES_POLICY) private readonly policy: DisputesPolicy,
  ) {}

  async execute({ scan }: RecordReturnScanCommand): Promise<ReturnScanResult> {
    if (scan.type !== 'DELIVERED') return { applied: 0, requestIds: [] };
    const carrier = scan.carrierCode.trim().toUpperCase();
    const number = scan.trackingNumber.trim().toUpperCase();
    const occurredAt = new Date(scan.occurredAt);
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      const applied: string[] = [];
      for (const id of await this.requests.findInTransit(tx, carrier, number)) {
        const request = await this.requests.find(tx, id);
        if (request?.deliverReturn(occurredAt, now, this.policy)) applied.push(id);
      }
      // Scans and the buyer's "shipped" message come from two teams in any order: kept until it arrives.
      if (applied.length === 0 && (await this.scans.park(tx, carrier, number, scan.eventId, occurredAt, now)))
        tx.audit({
          action: 'disputes.return-scan-parked',
          subjectType: 'return-parcel',
          subjectId: `${carrier}:${number}`,
          changes: { eventId: scan.eventId, occurredAt: scan.occurredAt },
        });
      return { applied: applied.length, requestIds: applied };
    });
  }
}
