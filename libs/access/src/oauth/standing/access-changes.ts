import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig, DATABASE_URL, ListenConnection, UnitOfWork } from '@tradehub/platform';
import { ACCESS_CHANNEL } from '../../database/standing-changes.migration';

/**
 * Tells what a replica keeps of Access's tables (the tokens' standing) that it is stale: at once
 * when this process commits a change to them, and through PostgreSQL's NOTIFY when any replica
 * does (the tables' triggers announce every change at commit). While the LISTEN connection is
 * down, `announced` is false and nothing may be kept.
 */
@Injectable()
export class AccessChanges implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly listeners: (() => void)[] = [];
  private listener: ListenConnection | null = null;

  constructor(
    private readonly database: UnitOfWork,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.database.onCommitted(() => this.changed());
  }

  /** Only processes that answer requests check tokens. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.roles.has('api')) return;
    this.listener = new ListenConnection(this.databaseUrl, ACCESS_CHANNEL, () => this.changed());
    await this.listener.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.listener?.stop();
    this.listener = null;
  }

  /** Whether every change, by any replica, reaches this process (its LISTEN connection is up). */
  get announced(): boolean {
    return this.listener?.state === 'listening';
  }

  /** What this process kept may be stale. */
  changed(): void {
    for (const listener of this.listeners) listener();
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}
