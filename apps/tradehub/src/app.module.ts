import { DynamicModule, Module, Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ScheduleModule } from '@nestjs/schedule';
import { AccessModule } from '@tradehub/access';
import { ComplianceModule } from '@tradehub/compliance';
import { DisputesModule } from '@tradehub/disputes';
import { FulfillmentModule } from '@tradehub/fulfillment';
import { OrdersModule } from '@tradehub/orders';
import { ContextName, PlatformModule, PlatformOptions } from '@tradehub/platform';
import { ReviewsModule } from '@tradehub/reviews';
import { SettlementModule } from '@tradehub/settlement';
import { ContextWiring } from './bootstrap/context-wiring';

const CONTEXT_MODULES: Record<ContextName, Type> = {
  orders: OrdersModule,
  fulfillment: FulfillmentModule,
  settlement: SettlementModule,
  disputes: DisputesModule,
  reviews: ReviewsModule,
  compliance: ComplianceModule,
};

/** The composition root: the shared platform and the bounded contexts this process runs (CONTEXTS). */
@Module({})
export class AppModule {
  static forRoot(platform: PlatformOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(platform),
        CqrsModule.forRoot(),
        ScheduleModule.forRoot(),
        // Every process that serves the API checks tokens and grants, whichever contexts it runs.
        AccessModule,
        ...[...platform.config.contexts].map((context) => CONTEXT_MODULES[context]),
      ],
      providers: [ContextWiring],
    };
  }
}
