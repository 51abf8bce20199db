import { paidOrder } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';

describe('ORD-6 multi-store lists and API-2 store scoping', () => {
  let t: TestApp;
  let service: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    service = await t.serviceToken();
    const placements = [
      ['a1', 'store-a', 'acct-1', '2026-11-26T00:01:00.000Z'],
      ['a2', 'store-a', 'acct-1', '2026-11-26T00:02:00.000Z'],
      ['b1', 'store-b', 'acct-1', '2026-11-26T00:03:00.000Z'],
      ['c1', 'store-c', 'acct-2', '2026-11-26T00:04:00.000Z'],
      ['c2', 'store-c', 'acct-2', '2026-11-25T23:00:00.000Z'],
    ];
    for (const [name, storeId, mainAccountId, paidAt] of placements) {
      const response = await t.http.post(
        '/v1/orders',
        paidOrder({ storeId, mainAccountId, paidAt }),
        service,
      );
      ids[name] = response.body.id;
    }
  });

  afterAll(() => t.close());

  const list = async (query: string, token: string): Promise<string[]> => {
    const response = await t.http.get(`/v1/orders${query}`, token);
    expect(response.status).toBe(200);
    return response.body.items.map((o: { id: string }) => o.id);
  };

  it('API-2: a caller granted store A gets 404 for an order of store B, exactly like a missing one', async () => {
    const seller = await t.sellerToken(['store-a']);
    expect((await t.http.get(`/v1/orders/${ids.a1}`, seller)).status).toBe(200);
    const hidden = await t.http.get(`/v1/orders/${ids.b1}`, seller);
    const missing = await t.http.get('/v1/orders/01a2157a-c8bc-764f-b248-09937b0aaf66', seller);
    expect(hidden.status).toBe(404);
    expect({ ...hidden.body, instance: undefined, requestId: undefined }).toEqual({
      ...missing.body,
      instance: undefined,
      requestId: undefined,
    });
  });

  it('API-2: a list never shows orders of stores outside the grant, even when asked by filter', async () => {
    const seller = await t.sellerToken(['store-a']);
    expect(new Set(await list('', seller))).toEqual(new Set([ids.a1, ids.a2]));
    expect(await list('?storeId=store-b', seller)).toEqual([]);
  });

  it('ORD-6: one list spans every granted store, newest payment first', async () => {
    const seller = await t.sellerToken(['store-a', 'store-b', 'store-c']);
    expect(await list('', seller)).toEqual([ids.c1, ids.b1, ids.a2, ids.a1, ids.c2]);
  });

  it('ORD-6: filters by store, main account, status and payment dates', async () => {
    expect(await list('?storeId=store-a', service)).toEqual([ids.a2, ids.a1]);
    expect(await list('?mainAccountId=acct-2', service)).toEqual([ids.c1, ids.c2]);
    expect((await list('?status=WAIT_SELLER_SEND_GOODS', service)).length).toBe(5);
    expect(await list('?status=FINISH', service)).toEqual([]);
    expect(await list('?paidFrom=2026-11-26T00:02:00.000Z&paidTo=2026-11-26T00:04:00.000Z', service)).toEqual(
      [ids.b1, ids.a2],
    );
  });

  it("ORD-6: the tabs' counts take the list's filters, so each count is its list's length", async () => {
    const counts = async (query: string) => {
      const response = await t.http.get(`/v1/orders/counts${query}`, service);
      expect(response.status).toBe(200);
      return response.body.byStatus.WAIT_SELLER_SEND_GOODS ?? 0;
    };
    const paid = 'paidFrom=2026-11-26T00:02:00.000Z&paidTo=2026-11-26T00:04:00.000Z';
    expect(await counts(`?${paid}`)).toBe((await list(`?${paid}`, service)).length);
    expect(await counts(`?${paid}`)).toBe(2);
    expect(await counts('?mainAccountId=acct-2&paidTo=2026-11-26T00:00:00.000Z')).toBe(1);
    expect(await counts('?storeId=store-a&paidFrom=2026-11-26T00:02:00.000Z')).toBe(1);
    const refused = await t.http.get('/v1/orders/counts?paidFrom=yesterday', service);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('paidFrom');
  });

  it('ORD-6: cursor pagination walks every order once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http.get(
        `/v1/orders?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        service,
      );
      seen.push(...response.body.items.map((o) => o.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.c1, ids.b1, ids.a2, ids.a1, ids.c2]);
  });

  it('ORD-6: awaiting shipment sorted by deadline, earliest first', async () => {
    expect(await list('?sort=shipBy&status=WAIT_SELLER_SEND_GOODS', service)).toEqual([
      ids.c2,
      ids.a1,
      ids.a2,
      ids.b1,
      ids.c1,
    ]);
  });
});
