import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Money, RuleViolation, ValidationError } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { EvidenceRepository } from '../../database/evidence.repository';
import type { EvidenceRef, RefundRequest } from '../../domain';
import { DISPUTES_POLICY, type DisputesPolicy } from '../../disputes.config';
import { RequestSteps } from '../request-steps/request-steps';
import {
  type AmountInput,
  AnswerOfferCommand,
  AnswerRequestCommand,
  ArbitrateCommand,
  EscalateRequestCommand,
  InspectReturnCommand,
} from './request-actions.commands';

/** The amount in the request's currency, or a 4xx naming the field. */
function amountOf(amount: AmountInput | null, request: RefundRequest): bigint {
  if (!amount) throw new ValidationError('an amount is required', 'amount');
  const money = Money.parse(amount.minor, amount.currency, 'amount');
  if (money.currency !== request.currency)
    throw new RuleViolation('CURRENCY_MISMATCH', `the request is in ${request.currency}`, 'amount.currency');
  return money.minor;
}

/** Evidence named by sha256, resolved before the step (files are never changed once uploaded). */
abstract class WithEvidence {
  constructor(
    protected readonly uow: UnitOfWork,
    protected readonly files: EvidenceRepository,
    protected readonly policy: DisputesPolicy,
  ) {}

  /** Files the caller uploaded itself (a seller cites no file it only knows the hash of). */
  protected evidence(shas: readonly string[], by: string): Promise<EvidenceRef[]> {
    if (shas.length > this.policy.maxEvidenceFiles)
      throw new ValidationError(`at most ${this.policy.maxEvidenceFiles} evidence files`, 'evidence');
    return this.files.resolve(this.uow.direct, shas, by);
  }
}

@CommandHandler(AnswerRequestCommand)
export class AnswerRequestHandler
  extends WithEvidence
  implements ICommandHandler<AnswerRequestCommand, string>
{
  constructor(
    uow: UnitOfWork,
    files: EvidenceRepository,
    @Inject(DISPUTES_POLICY) policy: DisputesPolicy,
    private readonly steps: RequestSteps,
  ) {
    super(uow, files, policy);
  }

  async execute(c: AnswerRequestCommand): Promise<string> {
    const evidence = await this.evidence(c.evidence, c.by);
    return this.steps.apply({ id: c.requestId }, c.scope, (r, now) => {
      const reason = c.reason ?? '';
      if (c.answer === 'ACCEPT') r.answerAsSeller({ answer: 'ACCEPT' }, c.by, now, this.policy);
      else if (c.answer === 'PARTIAL')
        r.answerAsSeller(
          { answer: 'PARTIAL', amountMinor: amountOf(c.amount, r), reason, evidence },
          c.by,
          now,
          this.policy,
        );
      else r.answerAsSeller({ answer: 'REFUSE', reason, evidence }, c.by, now, this.policy);
    });
  }
}

@CommandHandler(InspectReturnCommand)
export class InspectReturnHandler
  extends WithEvidence
  implements ICommandHandler<InspectReturnCommand, string>
{
  constructor(
    uow: UnitOfWork,
    files: EvidenceRepository,
    @Inject(DISPUTES_POLICY) policy: DisputesPolicy,
    private readonly steps: RequestSteps,
  ) {
    super(uow, files, policy);
  }

  async execute(c: InspectReturnCommand): Promise<string> {
    const evidence = await this.evidence(c.evidence, c.by);
    return this.steps.apply({ id: c.requestId }, c.scope, (r, now) => {
      const reason = c.reason ?? '';
      if (c.decision === 'FULL') r.inspect({ decision: 'FULL' }, c.by, now);
      else if (c.decision === 'PARTIAL')
        r.inspect({ decision: 'PARTIAL', amountMinor: amountOf(c.amount, r), reason, evidence }, c.by, now);
      else r.inspect({ decision: 'CONTEST', reason, evidence }, c.by, now);
    });
  }
}

@CommandHandler(EscalateRequestCommand)
export class EscalateRequestHandler implements ICommandHandler<EscalateRequestCommand, string> {
  constructor(private readonly steps: RequestSteps) {}

  execute(c: EscalateRequestCommand): Promise<string> {
    return this.steps.apply(c.ref, c.scope, (r, now) => r.escalate(c.by, c.reason, now));
  }
}

@CommandHandler(AnswerOfferCommand)
export class AnswerOfferHandler implements ICommandHandler<AnswerOfferCommand, string> {
  constructor(private readonly steps: RequestSteps) {}

  execute(c: AnswerOfferCommand): Promise<string> {
    return this.steps.apply(c.ref, c.scope, (r, now) => r.answerOffer(c.answer, now));
  }
}

@CommandHandler(ArbitrateCommand)
export class ArbitrateHandler implements ICommandHandler<ArbitrateCommand, string> {
  constructor(private readonly steps: RequestSteps) {}

  execute(c: ArbitrateCommand): Promise<string> {
    return this.steps.apply({ id: c.requestId }, null, (r, now) =>
      r.arbitrate(
        c.decision,
        c.decision === 'PARTIAL' || c.amount ? amountOf(c.amount, r) : null,
        c.reason,
        c.by,
        now,
      ),
    );
  }
}
