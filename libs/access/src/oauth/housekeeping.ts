import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { UnitOfWork } from '@tradehub/platform';

/**
 * Expired OAuth rows (codes, sessions, interactions, tokens past their lifetime) and past rate-limit
 * minutes are dead weight: reads already skip them. Every replica may run this; deletes repeat safely.
 */
@Injectable()
export class AccessHousekeeping {
  private readonly logger = new Logger('AccessHousekeeping');

  constructor(private readonly database: UnitOfWork) {}

  @Interval(60_000)
  async sweep(): Promise<void> {
    try {
      await this.database.direct.query(
        `delete from access.rate_windows where window_start < now() - interval '2 minutes'`,
      );
      await this.database.direct.query(
        `delete from access.oidc_model where ctid in (
           select ctid from access.oidc_model where expires_at < now() - interval '1 hour' limit 5000)`,
      );
    } catch (error) {
      this.logger.warn(
        `sweep failed, retried next minute: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
