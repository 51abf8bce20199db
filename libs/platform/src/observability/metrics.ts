import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { CLOCK, type Clock } from '@tradehub/kernel';
import { PlatformDatabase } from '../database/unit-of-work';
import { OutboxRelay } from '../messaging/outbox-relay';

/** Prometheus metrics of the process: HTTP, outbox lag and listener, timers due. One registry per app instance. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;

  constructor(uow: PlatformDatabase, relay: OutboxRelay, @Inject(CLOCK) clock: Clock) {
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'tradehub_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.httpRequests = new Counter({
      name: 'tradehub_http_requests_total',
      help: 'HTTP requests',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    new Gauge({
      name: 'tradehub_outbox_unpublished',
      help: 'Outbox rows committed but not yet published',
      registers: [this.registry],
      async collect() {
        const [row] = await uow
          .reader()
          .query<{ n: string }>(`select count(*) as n from platform.outbox where published_at is null`);
        this.set(Number(row.n));
      },
    });
    new Gauge({
      name: 'tradehub_outbox_lag_seconds',
      help: 'Age of the oldest unpublished outbox row',
      registers: [this.registry],
      async collect() {
        const [row] = await uow
          .reader()
          .query<{ lag: number | null }>(
            `select extract(epoch from clock_timestamp() - min(created_at))::float8 as lag from platform.outbox where published_at is null`,
          );
        this.set(row.lag ?? 0);
      },
    });
    new Gauge({
      name: 'tradehub_outbox_listener_up',
      help: 'The relay LISTEN connection is open (1), being reopened (0); absent without a relay',
      registers: [this.registry],
      collect() {
        const state = relay.listenState();
        if (state !== 'stopped') this.set(state === 'listening' ? 1 : 0);
      },
    });
    new Counter({
      name: 'tradehub_outbox_listener_reconnects_total',
      help: 'Times the relay LISTEN connection was reopened after a loss',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(relay.listenReconnects());
      },
    });
    new Gauge({
      name: 'tradehub_timers_due',
      help: 'Pending timers whose due time has passed (by the app clock)',
      registers: [this.registry],
      async collect() {
        const [row] = await uow
          .reader()
          .query<{ n: string }>(
            `select count(*) as n from platform.timers where status = 'pending' and next_attempt_at <= ?`,
            [clock.now()],
          );
        this.set(Number(row.n));
      },
    });
  }
}
