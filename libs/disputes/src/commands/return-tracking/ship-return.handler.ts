import { Inject } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError } from '@tradehub/kernel';
import { RefundRequestRepository } from '../../database/refund-request.repository';
import { ReturnScanRepository } from '../../database/return-scan.repository';
import { DISPUTES_POLICY, type DisputesPolicy } from '../../disputes.config';
import { ShipReturnCommand } from '../request-actions/request-actions.commands';
import { RequestSteps } from '../request-steps/request-steps';

const reused = () =>
  new ConflictError(
    'RETURN_TRACKING_REUSED',
    'this return tracking number is already used by another refund request',
    'trackingNumber',
  );

/**
 * DSP-3: the buyer shipped the return. Its number belongs to this request only; a DELIVERED scan that
 * arrived before this message starts the inspection at once.
 */
@CommandHandler(ShipReturnCommand)
export class ShipReturnHandler implements ICommandHandler<ShipReturnCommand, string> {
  constructor(
    private readonly steps: RequestSteps,
    private readonly requests: RefundRequestRepository,
    private readonly scans: ReturnScanRepository,
    @Inject(DISPUTES_POLICY) private readonly policy: DisputesPolicy,
  ) {}

  async execute(c: ShipReturnCommand): Promise<string> {
    const carrier = c.carrierCode.trim().toUpperCase();
    const number = c.trackingNumber.trim().toUpperCase();
    try {
      return await this.steps.apply(c.ref, c.scope, async (r, now, tx) => {
        if (await this.requests.returnNumberUsedElsewhere(tx, carrier, number, r.id)) throw reused();
        r.shipReturn(carrier, number, now, this.policy);
        const delivered = await this.scans.deliveredAt(tx, carrier, number);
        if (delivered) r.deliverReturn(delivered, now, this.policy);
      });
    } catch (error) {
      // Two requests naming one number at the same moment: the table keeps it to one.
      if (
        error instanceof UniqueConstraintViolationException &&
        error.message.includes('refund_requests_return_idx')
      )
        throw reused();
      throw error;
    }
  }
}
