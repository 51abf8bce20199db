import { startTestApp, TestApp, T0 } from '../support/test-app';

/** GET /v1/clock: the now every deadline is counted from, for any signed-in caller. */
describe("the server's clock for countdowns", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
  });

  afterAll(() => t.close());

  it('in the sandbox a seller reads the simulated now, also after the clock moved', async () => {
    const seller = await t.sellerToken(['store-clock']);
    const before = await t.http.get('/v1/clock', seller);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ now: expect.any(String), simulated: true });
    const { now } = await t.advance(5 * 24 * 3600);
    const after = await t.http.get('/v1/clock', seller);
    expect(after.body.now).toBe(now);
    expect(Date.parse(after.body.now) - Date.parse(before.body.now)).toBe(5 * 24 * 3600 * 1000);
  });

  it('answers 401 problem+json without a token', async () => {
    const response = await t.http.get('/v1/clock');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('outside the sandbox it is the system clock, not simulated', async () => {
    const live = await startTestApp({ kafka: false, env: { SANDBOX: 'false', AUTH_DEV_TOKENS: 'true' } });
    try {
      const response = await live.http.get('/v1/clock', await live.sellerToken(['store-clock']));
      expect(response.status).toBe(200);
      expect(response.body.simulated).toBe(false);
      expect(Date.parse(response.body.now)).toBeGreaterThan(Date.parse(T0.toISOString()));
    } finally {
      await live.close();
    }
  });
});
