import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators';
import { PlatformDatabase } from '../database/unit-of-work';
import { KafkaConnection } from '../messaging/kafka-connection';
import { KafkaConsumerRunner } from '../messaging/kafka-consumer-runner';
import { OutboxRelay } from '../messaging/outbox-relay';
import { Metrics } from './metrics';

/** A database that does not answer this fast is reported down. */
const DATABASE_PROBE_MS = 500;

/**
 * Liveness, readiness and Prometheus metrics; unauthenticated, outside /v1. Readiness answers
 * from what the process already knows of Kafka (its background probe, the relay's last publish),
 * so it stays fast when the broker is down. Kafka down or consumers still joining do not stop
 * the API serving (writes wait in the outbox): reported, status `degraded`, still 200. A database
 * that does not answer is 503.
 */
@ApiExcludeController()
@Public()
@Controller()
export class OpsController {
  constructor(
    private readonly platform: PlatformDatabase,
    private readonly kafka: KafkaConnection,
    private readonly consumers: KafkaConsumerRunner,
    private readonly relay: OutboxRelay,
    private readonly metrics: Metrics,
  ) {}

  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @HttpCode(200)
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<Record<string, unknown>> {
    const database = await this.probeDatabase();
    const kafka = this.kafka.enabled ? this.kafka.health().status : 'in-process';
    const checks: Record<string, unknown> = { database, kafka };
    const consumers = this.consumers.states();
    if (Object.keys(consumers).length > 0) checks.consumers = consumers;
    if (this.relay.listenState() !== 'stopped') checks.outboxListener = this.relay.listenState();
    const degraded =
      kafka === 'down' ||
      Object.values(consumers).some((s) => s !== 'running') ||
      checks.outboxListener === 'reconnecting';
    const status = database !== 'up' ? 'unavailable' : degraded ? 'degraded' : 'ok';
    void reply.status(database === 'up' ? 200 : 503);
    return { status, checks };
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }

  private async probeDatabase(): Promise<string> {
    try {
      await Promise.race([
        this.platform.reader().query('select 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), DATABASE_PROBE_MS).unref()),
      ]);
      return 'up';
    } catch (error) {
      return `down: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
