import { Inject } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { CLOCK, type Clock, Money, RuleViolation, ValidationError } from '@tradehub/kernel';
import { GetOrderSummaryQuery, type OrderSummary } from '@tradehub/orders/contract';
import { GetOrderRefundsQuery } from '@tradehub/settlement/contract';
import { type Tx, UnitOfWork } from '@tradehub/platform';
import { EvidenceRepository } from '../../database/evidence.repository';
import { RefundRequestRepository } from '../../database/refund-request.repository';
import {
  marketplaceIdReused,
  orderNotFound,
  orderNotShipped,
  RefundRequest,
  requestAlreadyOpen,
} from '../../domain';
import { DISPUTES_POLICY, type DisputesPolicy } from '../../disputes.config';
import { DisputeRateCounter } from '../risk/dispute-rate.counter';
import { DisputeRiskScorer } from '../risk/dispute-risk.scorer';
import { OpenRequestCommand, type OpenRequestResult } from './open-request.command';

/** Order statuses a request may be made in: shipped, delivered, or finished after delivery (after release). */
const REQUESTABLE = ['WAIT_BUYER_ACCEPT_GOODS', 'FUND_PROCESSING', 'IN_ISSUE', 'WAIT_SELLER_EXAMINE_MONEY'];

function requestable(order: OrderSummary): boolean {
  if (REQUESTABLE.includes(order.status)) return true;
  return order.status === 'FINISH' && order.deliveredAt !== null && !order.cancelled;
}

/**
 * A buyer's refund request on a shipped or delivered order, for at most what is still refundable
 * (its total less earlier requests' refunds). The order's issue opens (IN_ISSUE, and Settlement's
 * review holds), DSP-1's clock starts, DSP-6 counts the order once, and DSP-5 scores the buyer's
 * other open orders again. A repeat of the marketplace's request id answers the same request.
 */
@CommandHandler(OpenRequestCommand)
export class OpenRequestHandler implements ICommandHandler<OpenRequestCommand, OpenRequestResult> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: QueryBus,
    private readonly requests: RefundRequestRepository,
    private readonly evidence: EvidenceRepository,
    private readonly rates: DisputeRateCounter,
    private readonly risk: DisputeRiskScorer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DISPUTES_POLICY) private readonly policy: DisputesPolicy,
  ) {}

  async execute({ message, stores, uploadedBy }: OpenRequestCommand): Promise<OpenRequestResult> {
    const shas = message.evidence ?? [];
    if (shas.length > this.policy.maxEvidenceFiles)
      throw new ValidationError(`at most ${this.policy.maxEvidenceFiles} evidence files`, 'evidence');
    const amount = Money.parse(message.amount.minor, message.amount.currency, 'amount');
    const order = await this.queries.execute(new GetOrderSummaryQuery(message.orderId.toLowerCase(), stores));
    if (!order) throw orderNotFound();
    const refunds = await this.queries.execute(new GetOrderRefundsQuery(order.orderId));
    const settled = BigInt(refunds?.refundedMinor ?? '0');
    const open = (tx: Tx) => this.open(tx, message, order, amount, shas, settled, uploadedBy);
    try {
      return await this.uow.run(open);
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      if (error.message.includes('refund_requests_one_open_idx')) throw requestAlreadyOpen();
      // The same request committed first (a redelivery racing this one): answer it.
      if (this.uow.inTransaction()) throw error;
      return this.uow.run(open);
    }
  }

  private async open(
    tx: Tx,
    message: OpenRequestCommand['message'],
    order: OrderSummary,
    amount: Money,
    shas: string[],
    settled: bigint,
    uploadedBy: string | null,
  ): Promise<OpenRequestResult> {
    const input = { orderId: order.orderId, kind: message.kind, amountMinor: amount.minor };
    const earlier = await this.requests.findByMarketplaceId(tx, message.requestId, false);
    if (earlier) {
      if (!earlier.sameAs(input)) throw marketplaceIdReused();
      return { requestId: earlier.id, created: false };
    }
    if (!requestable(order)) throw orderNotShipped(order.cancelled ? 'cancelled' : order.status);
    if (await this.requests.hasOpenRequest(tx, order.orderId)) throw requestAlreadyOpen();
    if (amount.currency !== order.total.currency)
      throw new RuleViolation(
        'CURRENCY_MISMATCH',
        `the order was paid in ${order.total.currency}`,
        'amount.currency',
      );
    const now = this.clock.now();
    // Refunds Settlement posted outside Disputes (an operator's) count too: the larger sum is what is gone.
    const own = await this.requests.refundedOnOrder(tx, order.orderId);
    const refunded = settled > own ? settled : own;
    const request = RefundRequest.open(
      {
        ...input,
        marketplaceRequestId: message.requestId,
        storeId: order.storeId,
        sellerId: order.sellerId,
        buyerId: order.buyerId,
        currency: order.total.currency,
        reason: message.reason,
        evidence: await this.evidence.resolve(tx, shas, uploadedBy),
        refundableMinor: BigInt(order.total.minor) - refunded,
      },
      now,
      this.policy,
    );
    tx.save(request);
    // The buyer's open orders are locked in one order before any is scored, so two requests of one
    // buyer at once never lock them in opposite orders.
    await this.risk.lockBuyer(tx, order.buyerId);
    if (!(await this.requests.hadEarlierRequest(tx, order.orderId, request.id)))
      await this.rates.countDisputedOrder(tx, order.storeId, now);
    await this.risk.change(tx, order.orderId, { disputed: true }, now);
    await this.risk.rescoreBuyer(tx, order.buyerId, order.orderId, message.kind, now);
    return { requestId: request.id, created: true };
  }
}
