import { AggregateRoot, RuleViolation, ValidationError } from '@tradehub/kernel';
import { ALL_SCOPES, isScope, type Scope } from '@tradehub/platform';
import { GRANTABLE_SCOPES } from '../../roles';

export const APP_KINDS = ['partner', 'service', 'first_party'] as const;
export type AppKind = (typeof APP_KINDS)[number];

/** What only the platform's own people may do: never a partner's or a service's. */
const OPERATOR_ONLY: readonly Scope[] = ['access:admin', 'apps:manage', 'sandbox:clock'];

export interface AppState {
  clientId: string;
  name: string;
  kind: AppKind;
  /** SHA-256 of the secret (hex); null for public clients (the console, Swagger UI). */
  secretHash: string | null;
  redirectUris: string[];
  scopes: string[];
  /** Requests per minute; null takes the deployment's default. */
  rateLimitPerMinute: number | null;
  createdBy: string;
  createdAt: Date;
  disabledAt: Date | null;
  version: number;
}

export interface AppRegistration {
  clientId: string;
  name: string;
  kind: 'partner' | 'service';
  redirectUris: string[];
  scopes: string[];
  rateLimitPerMinute: number | null;
}

export interface AppChange {
  name?: string;
  redirectUris?: string[];
  scopes?: string[];
  rateLimitPerMinute?: number | null;
  disabled?: boolean;
}

/**
 * A registered OAuth 2.0 client (API-1): a partner's ERP app (authorization code with PKCE, on a
 * seller's consent), an internal service (client credentials) or tradehub's own first-party UI.
 */
export class App extends AggregateRoot implements AppState {
  clientId!: string;
  name!: string;
  kind!: AppKind;
  secretHash!: string | null;
  redirectUris!: string[];
  scopes!: string[];
  rateLimitPerMinute!: number | null;
  createdBy!: string;
  createdAt!: Date;
  disabledAt!: Date | null;
  version!: number;

  constructor(state: AppState) {
    super();
    Object.assign(this, state);
  }

  get id(): string {
    return this.clientId;
  }

  get aggregateType(): string {
    return 'app';
  }

  get storeId(): null {
    return null;
  }

  static register(input: AppRegistration, secretHash: string, by: string, now: Date): App {
    const app = new App({
      clientId: input.clientId,
      name: checkName(input.name),
      kind: input.kind,
      secretHash,
      redirectUris: checkRedirects(input.kind, input.redirectUris),
      scopes: checkScopes(input.kind, input.scopes),
      rateLimitPerMinute: input.rateLimitPerMinute,
      createdBy: by,
      createdAt: now,
      disabledAt: null,
      version: 1,
    });
    app.changed('app.registered');
    return app;
  }

  /** The same registration again (a retry): nothing differs but the secret, which is not compared. */
  sameAs(input: AppRegistration): boolean {
    return (
      this.name === input.name &&
      this.kind === input.kind &&
      same(this.redirectUris, input.redirectUris) &&
      same(this.scopes, input.scopes) &&
      this.rateLimitPerMinute === input.rateLimitPerMinute
    );
  }

  change(change: AppChange, now: Date): void {
    if (change.name !== undefined) this.name = checkName(change.name);
    if (change.redirectUris !== undefined) this.redirectUris = checkRedirects(this.kind, change.redirectUris);
    if (change.scopes !== undefined) this.scopes = checkScopes(this.kind, change.scopes);
    if (change.rateLimitPerMinute !== undefined) this.rateLimitPerMinute = change.rateLimitPerMinute;
    if (change.disabled !== undefined && change.disabled !== (this.disabledAt !== null))
      this.disabledAt = change.disabled ? now : null;
    this.changed(change.disabled ? 'app.disabled' : 'app.changed');
  }

  rotateSecret(secretHash: string): void {
    this.secretHash = secretHash;
    this.changed('app.secret-rotated');
  }

  get disabled(): boolean {
    return this.disabledAt !== null;
  }
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100)
    throw new ValidationError('name must be 1 to 100 characters', 'name');
  return trimmed;
}

function checkRedirects(kind: AppKind, uris: string[]): string[] {
  if (kind === 'service') {
    if (uris.length) throw new ValidationError('a service app has no redirect URIs', 'redirectUris');
    return [];
  }
  if (uris.length < 1 || uris.length > 10)
    throw new ValidationError('give 1 to 10 redirect URIs', 'redirectUris');
  uris.forEach((uri, i) => {
    let url: URL | undefined;
    try {
      url = new URL(uri);
    } catch {
      url = undefined;
    }
    // RFC 8252/9700: exact https URIs; plain http only to the partner's own machine.
    const loopback = url?.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (!url || url.hash || !(url.protocol === 'https:' || loopback))
      throw new ValidationError(
        'a redirect URI is an absolute https URL (http only on a loopback host) without a fragment',
        `redirectUris[${i}]`,
      );
  });
  return [...new Set(uris)];
}

/** Whether an app of this kind may hold the scope: a partner what a seller may grant, a service no operator duty. */
export function scopeAllowed(kind: AppKind, scope: string): boolean {
  if (!isScope(scope)) return false;
  if (kind === 'partner') return GRANTABLE_SCOPES.includes(scope);
  if (kind === 'service') return !OPERATOR_ONLY.includes(scope);
  return true;
}

function checkScopes(kind: AppKind, scopes: string[]): string[] {
  if (!scopes.length) throw new ValidationError('an app needs at least one scope', 'scopes');
  scopes.forEach((scope, i) => {
    if (!scopeAllowed(kind, scope))
      throw new RuleViolation(
        'SCOPE_NOT_ALLOWED',
        `${scope} is not a scope a ${kind} app may hold`,
        `scopes[${i}]`,
      );
  });
  return ALL_SCOPES.filter((s) => scopes.includes(s));
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');
}
