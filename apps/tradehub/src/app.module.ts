import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ScheduleModule } from '@nestjs/schedule';
import { MikroORM } from '@mikro-orm/postgresql';
import { ComplianceModule } from '@tradehub/compliance';
import { DisputesModule } from '@tradehub/disputes';
import { FulfillmentModule } from '@tradehub/fulfillment';
import { OrdersModule } from '@tradehub/orders';
import { DatabaseModule, PlatformModule, PlatformOptions } from '@tradehub/platform';
import { ReviewsModule } from '@tradehub/reviews';
import { SettlementModule } from '@tradehub/settlement';

/** The composition root: the shared platform and the six bounded contexts. */
@Module({})
export class AppModule {
  static forRoot(orm: MikroORM, platform: PlatformOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot(orm),
        PlatformModule.forRoot(platform),
        CqrsModule.forRoot(),
        ScheduleModule.forRoot(),
        OrdersModule,
        FulfillmentModule,
        SettlementModule,
        DisputesModule,
        ReviewsModule,
        ComplianceModule,
      ],
    };
  }
}
