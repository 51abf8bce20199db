/** The answers of /v1/access/apps and /v1/access/grants the pages read (libs/access/src/oauth/http). */

export type AppKind = 'partner' | 'service' | 'first_party';

/** A registered OAuth 2.0 client (API-1), never with its secret. */
export interface PartnerApp {
  clientId: string;
  name: string;
  kind: AppKind | string;
  redirectUris: string[];
  scopes: string[];
  /** Requests per minute; null takes the deployment's default. */
  rateLimitPerMinute: number | null;
  createdBy: string;
  createdAt: string;
  disabled: boolean;
}

/** POST /v1/access/apps and POST /v1/access/apps/{clientId}/secret: the secret, this once. */
export interface RegisteredApp extends PartnerApp {
  clientSecret?: string;
}

export interface AppList {
  items: PartnerApp[];
}

/** An app's access to the organisation, as a seller admin consented to it. */
export interface AppGrant {
  grantId: string;
  clientId: string;
  appName: string;
  /** The staff id of the admin who consented. */
  grantedBy: string;
  storeIds: string[];
  /** Whole main accounts, their later stores included. */
  mainAccountIds: string[];
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
  /** The app's tokens of this grant are accepted (not revoked, not ended by the server). */
  active: boolean;
}

export interface GrantList {
  items: AppGrant[];
}

/** A just-issued secret, kept in memory only until the operator dismisses it or leaves the page. */
export interface IssuedSecret {
  clientId: string;
  name: string;
  secret: string;
  /** Registered now, or a rotation replacing the old secret. */
  how: 'registered' | 'rotated';
}
