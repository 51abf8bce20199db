import { Query } from '@nestjs/cqrs';
import type { Page } from '@tradehub/kernel';
import type { StoreScope } from '@tradehub/platform';
import type { BoardFilter } from '../database/order-risk.repository';
import type { RequestFilter } from '../database/refund-request.repository';
import type { RefundRequestResponse } from '../views/refund-request.response';
import type { DisputeRateResponse, OrderRiskResponse } from '../views/risk.response';

export class GetRequestQuery extends Query<RefundRequestResponse> {
  constructor(
    readonly scope: StoreScope,
    readonly requestId: string,
  ) {
    super();
  }
}

export class ListRequestsQuery extends Query<Page<RefundRequestResponse>> {
  constructor(
    readonly scope: StoreScope,
    readonly filter: RequestFilter,
  ) {
    super();
  }
}

/** DSP-4: the operators' arbitration queue. */
export class ListEscalatedQuery extends Query<Page<RefundRequestResponse>> {
  constructor(
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

export interface EvidenceFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

/** An evidence file of a request the caller may see; only files the request names are served. */
export class GetEvidenceQuery extends Query<EvidenceFile> {
  constructor(
    readonly scope: StoreScope,
    readonly requestId: string,
    readonly sha256: string,
  ) {
    super();
  }
}

export class RiskBoardQuery extends Query<Page<OrderRiskResponse>> {
  constructor(
    readonly scope: StoreScope,
    readonly filter: BoardFilter,
  ) {
    super();
  }
}

export class GetOrderRiskQuery extends Query<OrderRiskResponse> {
  constructor(
    readonly scope: StoreScope,
    readonly orderId: string,
  ) {
    super();
  }
}

export class DisputeRateQuery extends Query<DisputeRateResponse[]> {
  constructor(
    readonly scope: StoreScope,
    readonly storeId: string | null,
    readonly windowDays: number | null,
  ) {
    super();
  }
}
