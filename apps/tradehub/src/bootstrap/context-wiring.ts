import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, ContextName, ContractCalls, RemoteCalls } from '@tradehub/platform';
import { ORDERS_CALLS } from '@tradehub/orders/contract';
import { REVIEWS_CALLS } from '@tradehub/reviews/contract';
import { SETTLEMENT_CALLS } from '@tradehub/settlement/contract';

/** The calls each context offers others (its contract); contexts that offer none are absent. */
const CONTRACTS: Partial<Record<ContextName, ContractCalls>> = {
  orders: ORDERS_CALLS,
  settlement: SETTLEMENT_CALLS,
  reviews: REVIEWS_CALLS,
};

/**
 * Joins the contexts this process runs with the others: a context running here serves its calls
 * to other processes too (when Kafka is configured); a context running elsewhere is reached
 * through Kafka. A call between two contexts of this process stays in-process, in the callee's
 * own transaction all the same.
 */
@Injectable()
export class ContextWiring implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly remote: RemoteCalls,
  ) {}

  onModuleInit(): void {
    for (const [context, contract] of Object.entries(CONTRACTS) as [ContextName, ContractCalls][]) {
      if (this.config.contexts.has(context)) this.remote.serve(contract);
      else this.remote.reach(contract);
    }
  }
}
