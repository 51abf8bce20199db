import { Command } from '@nestjs/cqrs';
import type { StoreScope } from '@tradehub/platform';
import type { RequestRef } from '../request-steps/request-ref';

export interface AmountInput {
  minor: string;
  currency: string;
}

/** DSP-1: the seller's one answer (store-scoped). Answers the request id. */
export class AnswerRequestCommand extends Command<string> {
  constructor(
    readonly requestId: string,
    readonly answer: 'ACCEPT' | 'PARTIAL' | 'REFUSE',
    readonly amount: AmountInput | null,
    readonly reason: string | null,
    readonly evidence: readonly string[],
    readonly scope: StoreScope,
    readonly by: string,
  ) {
    super();
  }
}

/** DSP-3: the seller's inspection of the returned parcel (store-scoped). */
export class InspectReturnCommand extends Command<string> {
  constructor(
    readonly requestId: string,
    readonly decision: 'FULL' | 'PARTIAL' | 'CONTEST',
    readonly amount: AmountInput | null,
    readonly reason: string | null,
    readonly evidence: readonly string[],
    readonly scope: StoreScope,
    readonly by: string,
  ) {
    super();
  }
}

/** DSP-4: the buyer (buyer-facing team) or the seller (store-scoped) takes the request to arbitration. */
export class EscalateRequestCommand extends Command<string> {
  constructor(
    readonly ref: RequestRef,
    readonly by: 'BUYER' | 'SELLER',
    readonly reason: string,
    readonly scope: StoreScope | null,
  ) {
    super();
  }
}

/** The buyer accepted or declined the seller's partial offer (buyer-facing team). */
export class AnswerOfferCommand extends Command<string> {
  constructor(
    readonly ref: RequestRef,
    readonly answer: 'ACCEPT' | 'DECLINE',
    readonly scope: StoreScope | null = null,
  ) {
    super();
  }
}

/** DSP-3: the buyer shipped the return parcel (buyer-facing team). */
export class ShipReturnCommand extends Command<string> {
  constructor(
    readonly ref: RequestRef,
    readonly carrierCode: string,
    readonly trackingNumber: string,
    readonly scope: StoreScope | null = null,
  ) {
    super();
  }
}

/** DSP-4: an operator's decision on an escalated request. */
export class ArbitrateCommand extends Command<string> {
  constructor(
    readonly requestId: string,
    readonly decision: 'FULL' | 'PARTIAL' | 'NONE',
    readonly amount: AmountInput | null,
    readonly reason: string,
    readonly by: string,
  ) {
    super();
  }
}
