import { Injectable } from '@nestjs/common';
import type { EntityDictionary } from '@mikro-orm/core';
import { ConflictError, NotFoundError, RuleViolation } from '@tradehub/kernel';
import { requestContext, SystemClock, UnitOfWork } from '@tradehub/platform';
import { GrantsService } from '../grants/grants.service';
import { hashClientSecret, newClientSecret } from '../secrets';
import { App, type AppChange, type AppRegistration } from './app';
import { FIRST_PARTY_CLIENT_IDS } from './client-metadata';

export interface AppView {
  clientId: string;
  name: string;
  kind: string;
  redirectUris: string[];
  scopes: string[];
  rateLimitPerMinute: number | null;
  createdBy: string;
  createdAt: string;
  disabled: boolean;
}

const appNotFound = () => new NotFoundError('APP_NOT_FOUND', 'no such app');

/** API-1: operators register partner and service apps; the secret is shown once and kept hashed. */
@Injectable()
export class AppsService {
  private readonly clock = new SystemClock();

  constructor(
    private readonly database: UnitOfWork,
    private readonly grants: GrantsService,
  ) {}

  /**
   * A new app and its secret. Registering the same client id again with the same details is a
   * retry: it answers the app without a secret (the first answer had it; Idempotency-Key replays it).
   */
  register(input: AppRegistration, by: string): Promise<AppView & { clientSecret?: string }> {
    if (FIRST_PARTY_CLIENT_IDS.includes(input.clientId))
      throw new RuleViolation(
        'CLIENT_ID_RESERVED',
        "this client id is one of tradehub's own UIs",
        'clientId',
      );
    return this.database.run(async (tx) => {
      const existing = await tx.findById(App, input.clientId, true);
      if (existing) {
        if (!existing.sameAs(input))
          throw new ConflictError(
            'APP_EXISTS',
            'an app with this client id exists with other details',
            'clientId',
          );
        return view(existing);
      }
      const secret = newClientSecret();
      const app = App.register(input, hashClientSecret(secret), by, this.clock.now());
      tx.save(app);
      return { ...view(app), clientSecret: secret };
    });
  }

  async list(): Promise<AppView[]> {
    const tx = this.database.reader();
    // One statement, every column: the rows become entities as a load would make them.
    const rows = await tx.query<EntityDictionary<App>>(
      `select * from access.apps order by created_at, client_id`,
    );
    return rows.map((row) => view(tx.track(App, row)));
  }

  async get(clientId: string): Promise<AppView> {
    const app = await this.database.reader().findById(App, clientId);
    if (!app) throw appNotFound();
    return view(app);
  }

  change(clientId: string, change: AppChange): Promise<AppView> {
    return this.database.run(async (tx) => {
      const app = await tx.findById(App, clientId, true);
      if (!app) throw appNotFound();
      app.change(change, this.clock.now());
      // A disabled app's grants and refresh tokens end with it; its access tokens fail the guard's check.
      if (app.disabled) await this.grants.revokeAllOfApp(tx, clientId, requestContext.current().principal.id);
      return view(app);
    });
  }

  /** A new secret; the old one stops working at once. */
  rotateSecret(clientId: string): Promise<AppView & { clientSecret: string }> {
    return this.database.run(async (tx) => {
      const app = await tx.findById(App, clientId, true);
      if (!app || app.kind === 'first_party') throw appNotFound();
      const secret = newClientSecret();
      app.rotateSecret(hashClientSecret(secret));
      return { ...view(app), clientSecret: secret };
    });
  }
}

function view(app: App): AppView {
  return {
    clientId: app.clientId,
    name: app.name,
    kind: app.kind,
    redirectUris: app.redirectUris,
    scopes: app.scopes,
    rateLimitPerMinute: app.rateLimitPerMinute,
    createdBy: app.createdBy,
    createdAt: app.createdAt.toISOString(),
    disabled: app.disabled,
  };
}
