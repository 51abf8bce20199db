import { Provider } from '@nestjs/common';
import { APP_ENV, type Env, int } from '@tradehub/platform';

export const ACCESS_POLICY = Symbol('AccessPolicy');

export interface AccessPolicy {
  /** Failed sign-ins in a row that lock a staff account, and for how long. */
  lockoutAfterFailures: number;
  lockoutMinutes: number;
  /** Requests per minute for a client that has no limit of its own. */
  defaultRateLimitPerMinute: number;
  /** Access tokens live briefly; revocation does not wait for them, but a leaked one dies soon. */
  accessTokenSeconds: number;
  /** A refresh token's family ends this long after the grant's first sign-in. */
  refreshTokenDays: number;
  authorizationCodeSeconds: number;
}

export function loadAccessPolicy(env: Env): AccessPolicy {
  return {
    lockoutAfterFailures: int(env, 'AUTH_LOCKOUT_AFTER_FAILURES', 5, 1, 100),
    lockoutMinutes: int(env, 'AUTH_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    defaultRateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 1200, 1, 1_000_000),
    accessTokenSeconds: int(env, 'OAUTH_ACCESS_TOKEN_SECONDS', 600, 30, 24 * 3600),
    refreshTokenDays: int(env, 'OAUTH_REFRESH_TOKEN_DAYS', 30, 1, 365),
    authorizationCodeSeconds: int(env, 'OAUTH_CODE_SECONDS', 60, 10, 600),
  };
}

export const accessConfig: Provider[] = [
  { provide: ACCESS_POLICY, inject: [APP_ENV], useFactory: loadAccessPolicy },
];
