import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, NotFoundError, type Page } from '@tradehub/kernel';
import { FILE_STORAGE, type FileStorage, UnitOfWork } from '@tradehub/platform';
import { DisputeRateRepository } from '../database/dispute-rate.repository';
import { OrderRiskRepository } from '../database/order-risk.repository';
import { RefundRequestRepository } from '../database/refund-request.repository';
import { disputeRate, rateWindow, requestNotFound } from '../domain';
import { DISPUTES_POLICY, type DisputesPolicy } from '../disputes.config';
import { type RefundRequestResponse, refundRequestView } from '../views/refund-request.response';
import { type DisputeRateResponse, type OrderRiskResponse, orderRiskView } from '../views/risk.response';
import {
  DisputeRateQuery,
  type EvidenceFile,
  GetEvidenceQuery,
  GetOrderRiskQuery,
  GetRequestQuery,
  ListEscalatedQuery,
  ListRequestsQuery,
  RiskBoardQuery,
} from './disputes.queries';

const evidenceNotFound = () =>
  new NotFoundError('EVIDENCE_NOT_FOUND', 'the request names no such evidence file');

@QueryHandler(GetRequestQuery)
export class GetRequestHandler implements IQueryHandler<GetRequestQuery, RefundRequestResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: RefundRequestRepository,
  ) {}

  async execute({ scope, requestId }: GetRequestQuery): Promise<RefundRequestResponse> {
    const found = await this.requests.find(this.uow.reader(), requestId, false);
    return refundRequestView(scope.reveal(found, (r) => r.storeId, requestNotFound));
  }
}

@QueryHandler(ListRequestsQuery)
export class ListRequestsHandler implements IQueryHandler<ListRequestsQuery, Page<RefundRequestResponse>> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: RefundRequestRepository,
  ) {}

  async execute({ scope, filter }: ListRequestsQuery): Promise<Page<RefundRequestResponse>> {
    const page = await this.requests.page(this.uow.reader(), scope, filter);
    return { items: page.items.map(refundRequestView), nextCursor: page.nextCursor };
  }
}

@QueryHandler(ListEscalatedQuery)
export class ListEscalatedHandler implements IQueryHandler<ListEscalatedQuery, Page<RefundRequestResponse>> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: RefundRequestRepository,
  ) {}

  async execute({ limit, cursor }: ListEscalatedQuery): Promise<Page<RefundRequestResponse>> {
    const page = await this.requests.escalated(this.uow.reader(), limit, cursor);
    return { items: page.items.map(refundRequestView), nextCursor: page.nextCursor };
  }
}

@QueryHandler(GetEvidenceQuery)
export class GetEvidenceHandler implements IQueryHandler<GetEvidenceQuery, EvidenceFile> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: RefundRequestRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async execute({ scope, requestId, sha256 }: GetEvidenceQuery): Promise<EvidenceFile> {
    const request = scope.reveal(
      await this.requests.find(this.uow.reader(), requestId, false),
      (r) => r.storeId,
      requestNotFound,
    );
    const named = [
      ...request.buyerEvidence,
      ...(request.answer?.evidence ?? []),
      ...(request.inspection?.evidence ?? []),
    ].find((e) => e.sha256 === sha256);
    if (!named) throw evidenceNotFound();
    const bytes = await this.storage.get(sha256);
    if (!bytes) throw evidenceNotFound();
    return { bytes, contentType: named.contentType, fileName: named.fileName };
  }
}

@QueryHandler(RiskBoardQuery)
export class RiskBoardHandler implements IQueryHandler<RiskBoardQuery, Page<OrderRiskResponse>> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly risks: OrderRiskRepository,
  ) {}

  async execute({ scope, filter }: RiskBoardQuery): Promise<Page<OrderRiskResponse>> {
    const page = await this.risks.board(this.uow.direct, scope, filter);
    return { items: page.items.map(orderRiskView), nextCursor: page.nextCursor };
  }
}

@QueryHandler(GetOrderRiskQuery)
export class GetOrderRiskHandler implements IQueryHandler<GetOrderRiskQuery, OrderRiskResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly risks: OrderRiskRepository,
  ) {}

  async execute({ scope, orderId }: GetOrderRiskQuery): Promise<OrderRiskResponse> {
    const row = await this.risks.get(this.uow.direct, orderId);
    return orderRiskView(
      scope.reveal(
        row,
        (r) => r.storeId,
        () => new NotFoundError('ORDER_NOT_FOUND', 'no such order'),
      ),
    );
  }
}

@QueryHandler(DisputeRateQuery)
export class DisputeRateHandler implements IQueryHandler<DisputeRateQuery, DisputeRateResponse[]> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly rates: DisputeRateRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DISPUTES_POLICY) private readonly policy: DisputesPolicy,
  ) {}

  async execute({ scope, storeId, windowDays }: DisputeRateQuery): Promise<DisputeRateResponse[]> {
    const days = windowDays ?? this.policy.rateWindowDays;
    const window = rateWindow(this.clock.now(), days);
    const rows = await this.rates.window(this.uow.direct, scope, storeId, window.from, window.to);
    // A store the caller may see with no orders in the window is listed as "not rated".
    if (storeId && rows.length === 0 && scope.allows(storeId))
      rows.push({ storeId, orders: 0, disputedOrders: 0 });
    return rows.map((r) => ({
      storeId: r.storeId,
      windowDays: days,
      from: window.from,
      to: window.to,
      orders: r.orders,
      disputedOrders: r.disputedOrders,
      rate: disputeRate(r.disputedOrders, r.orders),
    }));
  }
}
