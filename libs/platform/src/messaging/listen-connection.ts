import { Logger } from '@nestjs/common';
import { Client } from 'pg';

export type ListenState = 'listening' | 'reconnecting' | 'stopped';

/**
 * A LISTEN connection on one channel: the relay's (commits that wrote outbox rows notify it, by a
 * trigger on the outbox) and Access's (changes to a token's standing). When the connection dies
 * (the server restarted, an operator terminated it) it is reopened with backoff; its user falls
 * back meanwhile (the relay polls). The relay's state shows in health and metrics. `onNotify`
 * also runs once the connection listens (again): what was announced meanwhile was missed.
 */
export class ListenConnection {
  private readonly logger = new Logger(ListenConnection.name);
  private client: Client | null = null;
  private running = false;
  private retry: NodeJS.Timeout | null = null;
  private failures = 0;
  state: ListenState = 'stopped';
  /** Times the connection was reopened after a loss. */
  reconnects = 0;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly onNotify: () => void,
  ) {}

  async start(): Promise<void> {
    this.running = true;
    this.state = 'reconnecting';
    await this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.state = 'stopped';
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString });
    client.on('notification', () => this.onNotify());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`listen ${this.channel}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (!this.running) {
      await client.end().catch(() => undefined);
      return;
    }
    if (this.state === 'reconnecting' && this.failures > 0) this.reconnects += 1;
    this.client = client;
    this.failures = 0;
    this.state = 'listening';
    // Rows committed while nobody listened are found by the next batch right away.
    this.onNotify();
  }

  private lost(client: Client, error: unknown): void {
    if (this.client !== null && this.client !== client) return;
    this.client = null;
    void client.end().catch(() => undefined);
    if (!this.running || this.retry) return;
    this.state = 'reconnecting';
    this.failures += 1;
    const delay = Math.min(30_000, 250 * 2 ** Math.min(this.failures, 7));
    this.logger.warn(
      `listen connection (${this.channel}) lost (${String(error)}); reconnecting in ${delay} ms`,
    );
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, delay);
    this.retry.unref();
  }
}
