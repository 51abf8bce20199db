import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { FulfillmentModule } from '@tradehub/fulfillment';
import { ConflictError } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { UnmatchedScan } from '../../libs/fulfillment/src/database/fulfillment.entities';
import { PackageRepository } from '../../libs/fulfillment/src/database/package.repository';
import { withClient } from '../support/database';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The save path writes every row a transaction changed in the one statement that rides with
 * COMMIT; nobody reads its result, so the statement itself refuses an aggregate that changed since
 * it was loaded, and its errors arrive as the exceptions a statement of their own would raise.
 */
describe('the save path', () => {
  let t: TestApp;
  let uow: UnitOfWork;
  const packages = new PackageRepository();
  const id = '01a219f4-0000-7000-8000-0000000000aa';

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    uow = t.app.select(FulfillmentModule).get(UnitOfWork, { strict: true });
    await withClient(t.databaseUrl, (c) =>
      c.query(
        `insert into fulfillment.packages (id, order_id, store_id, buyer_id, carrier_code, tracking_number, lines,
           status, shipped_at, no_first_scan, updated_at, version, confirmation, completes_order)
         values ($1, $1, 'store-a', 'b', 'CAINIAO', 'LP00000000000aa', '[]', 'SHIPPED', now(), false, now(), 1,
           'CONFIRMED', false)`,
        [id],
      ),
    );
  });

  afterAll(() => t.close());

  const stored = (): Promise<{ updated_at: Date; version: number; audits: number }> =>
    withClient(t.databaseUrl, async (c) => {
      const { rows } = await c.query(
        `select updated_at, version,
           (select count(*)::int from platform.audit_log where subject_id = $1::text) as audits
         from fulfillment.packages where id = $1::uuid`,
        [id],
      );
      return rows[0];
    });

  it('writes a loaded aggregate’s changed field, moves its version by one, and audits the change', async () => {
    const before = await stored();
    const at = new Date('2026-11-27T01:00:00.000Z');
    await uow.run(async (tx) => {
      const pkg = (await packages.findById(tx, id, true))!;
      pkg.updatedAt = at;
    });
    expect(await stored()).toEqual({
      updated_at: at,
      version: before.version + 1,
      audits: before.audits + 1,
    });
  });

  it('keeps a change made before a later query of the same transaction loads other rows', async () => {
    const at = new Date('2026-11-27T01:30:00.000Z');
    const before = await stored();
    await uow.run(async (tx) => {
      const pkg = (await packages.findById(tx, id, true))!;
      pkg.updatedAt = at;
      // Any ORM query afterwards: the entity loaded first must keep its loaded form as the "before".
      await packages.findShippedByOrder(tx, id);
    });
    expect(await stored()).toEqual({
      updated_at: at,
      version: before.version + 1,
      audits: before.audits + 1,
    });
  });

  it('refuses an aggregate another transaction changed since it was loaded: 409 CHANGED_CONCURRENTLY, nothing written', async () => {
    const first = new Date('2026-11-27T02:00:00.000Z');
    const before = await stored();
    await expect(
      uow.run(async (tx) => {
        const pkg = (await packages.findById(tx, id))!; // not locked: the version is the only guard
        await uow.runIsolated(async (other) => {
          (await packages.findById(other, id, true))!.updatedAt = first;
        });
        pkg.updatedAt = new Date('2026-11-27T03:00:00.000Z');
      }),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'CHANGED_CONCURRENTLY' });
    // Only the other transaction's change and its audit record are there.
    expect(await stored()).toEqual({
      updated_at: first,
      version: before.version + 1,
      audits: before.audits + 1,
    });
  });

  it('a deadlock PostgreSQL breaks is 409 CHANGED_CONCURRENTLY for the side it failed, not a 500', async () => {
    const [first, second] = ['01a219f4-0000-7000-8000-0000000000c1', '01a219f4-0000-7000-8000-0000000000c2'];
    await withClient(t.databaseUrl, (c) =>
      c.query(
        `insert into fulfillment.packages (id, order_id, store_id, buyer_id, carrier_code, tracking_number, lines,
           status, shipped_at, no_first_scan, updated_at, version, confirmation, completes_order)
         select x, x, 'store-a', 'b', 'CAINIAO', 'LP' || right(x::text, 12), '[]', 'SHIPPED', now(), false, now(), 1,
           'CONFIRMED', false
         from unnest(array[$1::uuid, $2::uuid]) as x`,
        [first, second],
      ),
    );
    let holding = 0;
    let bothHold: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (bothHold = resolve));
    // Each locks one row, waits until the other holds its own, then asks for the other's.
    const crosswise = (mine: string, theirs: string): Promise<void> =>
      uow.run(async (tx) => {
        await packages.findById(tx, mine, true);
        if (++holding === 2) bothHold();
        await held;
        await packages.findById(tx, theirs, true);
      });
    const outcomes = await Promise.allSettled([crosswise(first, second), crosswise(second, first)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      reason: { kind: 'conflict', code: 'CHANGED_CONCURRENTLY' },
    });
  });

  it('a domain error leaves a transaction as it was thrown, even with a code shaped like a SQLSTATE', async () => {
    const refusal = new ConflictError('AB123', 'refused');
    await expect(
      uow.run(async () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
  });

  it('adopts an entity an earlier transaction read: its change is written under the version it had, and audited', async () => {
    const pkg = (await uow.run((tx) => packages.findById(tx, id)))!;
    const before = await stored();
    const at = new Date('2026-11-27T04:00:00.000Z');
    await uow.run(async (tx) => {
      tx.adopt(pkg).updatedAt = at;
    });
    expect(await stored()).toEqual({
      updated_at: at,
      version: before.version + 1,
      audits: before.audits + 1,
    });
  });

  it('refuses an adopted entity whose row changed since it was read: CHANGED_CONCURRENTLY, nothing written', async () => {
    const pkg = (await uow.run((tx) => packages.findById(tx, id)))!;
    await uow.run(async (tx) => {
      (await packages.findById(tx, id, true))!.updatedAt = new Date('2026-11-27T05:00:00.000Z');
    });
    const before = await stored();
    await expect(
      uow.run(async (tx) => {
        tx.adopt(pkg).updatedAt = new Date('2026-11-27T06:00:00.000Z');
      }),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'CHANGED_CONCURRENTLY' });
    expect(await stored()).toEqual(before);
  });

  it('refuses to adopt an entity whose row the transaction holds as another instance (that one would be written)', async () => {
    const earlier = (await uow.run((tx) => packages.findById(tx, id)))!;
    await expect(
      uow.run(async (tx) => {
        await packages.findById(tx, id);
        tx.adopt(earlier).updatedAt = new Date('2026-11-27T06:30:00.000Z');
      }),
    ).rejects.toThrow(/another instance of this entity/);
  });

  it('adopts only an entity that a transaction loaded or saved', async () => {
    await expect(uow.run(async (tx) => tx.adopt(new UnmatchedScan()))).rejects.toThrow(
      /only an entity loaded or saved before/,
    );
  });

  it('fails the commit when a row it expects absent exists then (CHANGED_CONCURRENTLY, nothing written), and commits when it does not', async () => {
    const change = (at: Date, absentId: string) =>
      uow.run(async (tx) => {
        (await packages.findById(tx, id, true))!.updatedAt = at;
        tx.expectNoRow(`select 1 from fulfillment.packages where id = ?`, [absentId], `package ${absentId}`);
      });
    const before = await stored();
    await expect(change(new Date('2026-11-27T07:00:00.000Z'), id)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'CHANGED_CONCURRENTLY',
    });
    expect(await stored()).toEqual(before);
    const at = new Date('2026-11-27T08:00:00.000Z');
    await change(at, '01a219f4-0000-7000-8000-0000000000ff');
    expect(await stored()).toEqual({
      updated_at: at,
      version: before.version + 1,
      audits: before.audits + 1,
    });
  });

  it('deletes a removed aggregate’s row', async () => {
    await uow.run(async (tx) => tx.remove((await packages.findById(tx, id, true))!));
    const rows = await withClient(t.databaseUrl, (c) =>
      c.query(`select id from fulfillment.packages where id = $1`, [id]),
    );
    expect(rows.rows).toEqual([]);
  });

  it('a duplicate key in the rows written at commit is a UniqueConstraintViolationException, as from a statement of its own', async () => {
    const scan = (): UnmatchedScan =>
      Object.assign(new UnmatchedScan(), {
        carrierCode: 'CAINIAO',
        trackingNumber: 'LP00000000000bb',
        eventId: 'e-1',
        type: 'PICKED_UP',
        occurredAt: new Date('2026-11-26T01:00:00.000Z'),
        location: null,
        description: null,
        receivedAt: new Date('2026-11-26T01:00:00.000Z'),
      });
    await uow.run(async (tx) => tx.save(scan()));
    await expect(uow.run(async (tx) => tx.save(scan()))).rejects.toBeInstanceOf(
      UniqueConstraintViolationException,
    );
  });
});
