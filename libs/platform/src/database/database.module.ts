import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { UnitOfWork } from './unit-of-work';

/** Provides the ORM opened by the composition root and the unit of work built on it. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  static forRoot(orm: MikroORM): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: MikroORM, useValue: orm }, UnitOfWork],
      exports: [MikroORM, UnitOfWork],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.orm.close();
  }
}
