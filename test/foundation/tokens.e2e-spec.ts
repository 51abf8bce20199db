import { SignJWT } from 'jose';
import { APP_CONFIG, AppConfig } from '@tradehub/platform';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = 'application/problem+json';

/** Bearer tokens expire on real time (never the sandbox clock), with a small allowance for clock skew. */
describe('API-1 bearer tokens need exp and iat and are refused outside their lifetime', () => {
  let t: TestApp;
  let config: AppConfig;
  const realNow = (): number => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    config = t.app.get<AppConfig>(APP_CONFIG);
  });

  afterAll(() => t.close());

  const sign = (claims: { iat?: number; exp?: number }): Promise<string> => {
    let jwt = new SignJWT({ kind: 'operator', stores: '*', scope: 'orders:read' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('op-1')
      .setIssuer(config.auth.issuer);
    if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat);
    if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
    return jwt.sign(new TextEncoder().encode(config.auth.jwtSecret));
  };

  const statusWith = async (token: string) => {
    const response = await t.http.get('/v1/orders', token);
    if (response.status === 401) {
      expect(response.headers.get('content-type')).toContain(PROBLEM);
      expect(response.body).toMatchObject({ code: 'INVALID_TOKEN', errors: [{ field: 'authorization' }] });
    }
    return response.status;
  };

  it('API-1: a token without exp, or without iat, is refused (401 problem+json)', async () => {
    expect(await statusWith(await sign({ iat: realNow() }))).toBe(401);
    expect(await statusWith(await sign({ exp: realNow() + 3600 }))).toBe(401);
    expect(await statusWith(await sign({ iat: realNow(), exp: realNow() + 3600 }))).toBe(200);
  });

  it('API-1: a token issued in the future is refused beyond the 60 s clock-skew allowance', async () => {
    expect(await statusWith(await sign({ iat: realNow() + 3600, exp: realNow() + 7200 }))).toBe(401);
    expect(await statusWith(await sign({ iat: realNow() + 30, exp: realNow() + 3600 }))).toBe(200);
  });

  it('API-1: an expired token is refused beyond the same allowance', async () => {
    expect(await statusWith(await sign({ iat: realNow() - 7200, exp: realNow() - 120 }))).toBe(401);
    expect(await statusWith(await sign({ iat: realNow() - 7200, exp: realNow() - 30 }))).toBe(200);
  });

  it('API-1: the sandbox clock moving a year ahead does not expire credentials', async () => {
    const token = await sign({ iat: realNow(), exp: realNow() + 3600 });
    await t.advance(366 * 24 * 3600);
    expect(await statusWith(token)).toBe(200);
  });
});
