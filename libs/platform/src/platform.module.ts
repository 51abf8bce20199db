import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { APP_ENV, Env } from './config/env';
import { AuditLogController } from './audit/audit-log.controller';
import { AuthGuard } from './auth/auth.guard';
import { TokenService } from './auth/token.service';
import { ClockController } from './clock/clock.controller';
import { SandboxClock } from './clock/sandbox-clock';
import { SandboxController } from './clock/sandbox.controller';
import { SandboxService } from './clock/sandbox.service';
import { SystemClock } from './clock/system-clock';
import { DATABASE_URL, platformDatabase } from './database/context-database';
import { SavePath } from './database/save-path';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { RequestContextInterceptor } from './http/request-context.interceptor';
import { ProblemFilter } from './http/problem.filter';
import { validationPipe } from './http/validation';
import { EventDispatcher } from './messaging/event-dispatcher';
import { InProcessPublisher } from './messaging/in-process-publisher';
import { KafkaConnection } from './messaging/kafka-connection';
import { KafkaConsumerRunner } from './messaging/kafka-consumer-runner';
import { KafkaPublisher } from './messaging/kafka-publisher';
import { EVENT_PUBLISHER } from './messaging/outbox-message';
import { OutboxRelay } from './messaging/outbox-relay';
import { RemoteCalls } from './messaging/remote-calls';
import { Topics } from './messaging/topics';
import { Metrics } from './observability/metrics';
import { OpsController } from './observability/ops.controller';
import { TimerHandlers } from './timers/timer-handler';
import { Timers } from './timers/timers';
import { TimerSweeper } from './timers/timer-sweeper';
import { Workers } from './workers';
import { FILE_STORAGE, LocalFileStorage } from './storage/file-storage';

export interface PlatformOptions {
  config: AppConfig;
  /** The environment the config was read from; contexts read their own settings from it. */
  env: Env;
  databaseUrl: string;
  /** Where the sandbox clock starts when the database has none stored yet. */
  startTime?: Date;
}

/** The shared machinery every context uses: clock, databases and save path, outbox and relay, timers, auth, HTTP edge, ops. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { config } = options;
    const shared: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: APP_ENV, useValue: options.env },
      { provide: DATABASE_URL, useValue: options.databaseUrl },
      {
        provide: CLOCK,
        useValue: config.sandbox
          ? new SandboxClock(options.startTime ?? new SystemClock().now())
          : new SystemClock(),
      },
      Topics,
      Timers,
      {
        provide: SavePath,
        inject: [Topics, Timers, CLOCK],
        useFactory: (topics: Topics, timers: Timers, clock: Clock) => new SavePath(topics, timers, clock),
      },
      platformDatabase,
      TimerHandlers,
      TimerSweeper,
      EventDispatcher,
      KafkaConnection,
      KafkaPublisher,
      InProcessPublisher,
      { provide: FILE_STORAGE, useClass: LocalFileStorage },
      OutboxRelay,
      KafkaConsumerRunner,
      RemoteCalls,
      TokenService,
      Metrics,
      SandboxService,
      Workers,
      {
        provide: EVENT_PUBLISHER,
        inject: [KafkaConnection, KafkaPublisher, InProcessPublisher],
        useFactory: (kafka: KafkaConnection, viaKafka: KafkaPublisher, inProcess: InProcessPublisher) =>
          kafka.enabled ? viaKafka : inProcess,
      },
    ];
    return {
      module: PlatformModule,
      controllers: config.sandbox
        ? [OpsController, ClockController, AuditLogController, SandboxController]
        : [OpsController, ClockController, AuditLogController],
      providers: [
        ...shared,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_PIPE, useValue: validationPipe() },
      ],
      exports: shared,
    };
  }
}
