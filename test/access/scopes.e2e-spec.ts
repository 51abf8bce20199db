import { startTestApp, type TestApp } from '../support/test-app';

/** API-1: the scope catalogue an operator registers apps from, as the registration itself checks it. */
describe('API-1: the scopes an app may hold', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
  });

  afterAll(() => t.close());

  it('API-1: every scope with what it opens, and whether a partner or a service app may hold it, as registration enforces', async () => {
    const operator = await t.operatorToken();
    const listed = await t.http.get('/v1/access/scopes', operator);
    expect(listed.status).toBe(200);
    const scopes = listed.body as {
      scope: string;
      description: string;
      partner: boolean;
      service: boolean;
    }[];
    expect(scopes).toContainEqual({
      scope: 'orders:read',
      description: expect.stringContaining('Read orders'),
      partner: true,
      service: true,
    });
    // Operators' duties are for no app a seller grants; the platform's own administration for none at all.
    expect(scopes.find((s) => s.scope === 'arbitration:decide')).toMatchObject({
      partner: false,
      service: true,
    });
    expect(scopes.find((s) => s.scope === 'apps:manage')).toMatchObject({ partner: false, service: false });

    // What the catalogue says is what registering an app with one scope answers, for every scope.
    for (const kind of ['partner', 'service'] as const) {
      for (const { scope, [kind]: allowed } of scopes) {
        const registered = await t.http.post(
          '/v1/access/apps',
          {
            clientId: `scopes-${kind}-${scope.replace(':', '-')}`,
            name: `${kind} ${scope}`,
            kind,
            redirectUris: kind === 'partner' ? ['https://erp.example/callback'] : [],
            scopes: [scope],
          },
          operator,
        );
        expect({ kind, scope, status: registered.status }).toEqual({
          kind,
          scope,
          status: allowed ? 201 : 422,
        });
      }
    }
  });

  it('API-1: only operators read it', async () => {
    const seller = await t.sellerToken(['store-a']);
    expect((await t.http.get('/v1/access/scopes', seller)).status).toBe(403);
  });
});
