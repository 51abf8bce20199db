import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators';
import { UnitOfWork } from '../database/unit-of-work';
import { KafkaConnection } from '../messaging/kafka-connection';
import { Metrics } from './metrics';

/** Liveness, readiness (database and Kafka) and Prometheus metrics; unauthenticated, outside /v1. */
@ApiExcludeController()
@Public()
@Controller()
export class OpsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly kafka: KafkaConnection,
    private readonly metrics: Metrics,
  ) {}

  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @HttpCode(200)
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<Record<string, unknown>> {
    const checks = {
      database: await this.check(() => this.uow.reader().query('select 1')),
      kafka: this.kafka.enabled ? await this.check(() => this.kafka.ping()) : 'in-process',
    };
    const ok = Object.values(checks).every((c) => c === 'up' || c === 'in-process');
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }

  private async check(probe: () => Promise<unknown>): Promise<string> {
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
      ]);
      return 'up';
    } catch (error) {
      return `down: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
