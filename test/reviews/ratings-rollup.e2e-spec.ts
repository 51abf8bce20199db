import fc from 'fast-check';
import { newId } from '@tradehub/kernel';
import { StoreScope, UnitOfWork } from '@tradehub/platform';
import { ReviewsModule } from '@tradehub/reviews';
import { StoreRatingsRepository } from '../../libs/reviews/src/database/store-ratings.repository';
import { Review } from '../../libs/reviews/src/domain';
import { StoreRatingsReader } from '../../libs/reviews/src/ratings/store-ratings.reader';
import { createDatabase, withClient } from '../support/database';
import { startTestApp, type TestApp } from '../support/test-app';

const NOW = new Date('2026-11-26T13:45:07.000Z');
const DAY = 86_400_000;

/**
 * REV-3, REV-4: the figures read from the daily roll-ups (whole days) and the partial first day
 * equal a full recomputation over the reviews themselves, for generated reviews and windows.
 */
describe('Reviews: roll-ups against a full recomputation (generated data, real PostgreSQL)', () => {
  let t: TestApp;
  let uow: UnitOfWork;
  let ratings: StoreRatingsRepository;
  let reader: StoreRatingsReader;

  beforeAll(async () => {
    // Far from UTC on purpose: a day's end must be UTC midnight whatever the session's time zone.
    const databaseUrl = await createDatabase();
    const name = new URL(databaseUrl).pathname.slice(1);
    await withClient(databaseUrl, (c) => c.query(`alter database "${name}" set timezone to 'Asia/Shanghai'`));
    t = await startTestApp({ kafka: false, databaseUrl });
    const reviews = t.app.select(ReviewsModule);
    uow = reviews.get(UnitOfWork, { strict: true });
    ratings = reviews.get(StoreRatingsRepository, { strict: true });
    reader = reviews.get(StoreRatingsReader, { strict: true });
  });

  afterAll(async () => {
    await t.close({ dropDatabase: true });
  });

  const rating = fc.integer({ min: 1, max: 5 });
  const generated = fc.array(
    fc.record({
      store: fc.integer({ min: 0, max: 2 }),
      // Up to 130 days old, to the millisecond, so windows cut through days.
      ageMs: fc.integer({ min: 0, max: 130 * DAY }),
      overall: rating,
      item: rating,
      communication: rating,
      shipping: rating,
    }),
    { maxLength: 40 },
  );

  it('REV-3, REV-4: per store and window, the incremental figures match a recomputation from the reviews', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(generated, fc.constantFrom(1, 7, 30, 90, 120), async (reviews, windowDays) => {
        run += 1;
        const stores = [0, 1, 2].map((i) => `store-roll-${run}-${i}`);
        for (const r of reviews)
          await uow.run(async (tx) => {
            const review = new Review({
              id: newId(),
              marketplaceReviewId: `rv-${newId()}`,
              orderId: newId(),
              storeId: stores[r.store],
              buyerId: 'buyer-roll',
              overall: r.overall,
              itemAsDescribed: r.item,
              communication: r.communication,
              shippingSpeed: r.shipping,
              text: '',
              reviewedAt: new Date(NOW.getTime() - r.ageMs),
              reply: null,
              repliedBy: null,
              repliedAt: null,
              version: 1,
            });
            tx.save(review);
            await ratings.add(tx, review);
          });
        const incremental = await reader.read(uow.direct, StoreScope.ofStores(stores), null, NOW, windowDays);
        const full = await withClient(t.databaseUrl, (c) =>
          c.query<{
            store_id: string;
            reviews: number;
            positive: number;
            item: number;
            comm: number;
            ship: number;
          }>(
            `select store_id, count(*)::int as reviews, count(*) filter (where overall >= 4)::int as positive,
                    sum(item_as_described)::int as item, sum(communication)::int as comm, sum(shipping_speed)::int as ship
               from reviews.reviews where store_id = any($1) and reviewed_at >= $2 and reviewed_at <= $3
              group by store_id order by store_id`,
            [stores, new Date(NOW.getTime() - windowDays * DAY), NOW],
          ),
        );
        expect(
          incremental.stores.map((s) => ({
            store_id: s.storeId,
            reviews: s.reviews,
            positive: s.positive,
            item: s.dsr[0].sum,
            comm: s.dsr[1].sum,
            ship: s.dsr[2].sum,
          })),
        ).toEqual(full.rows);
      }),
      { numRuns: 25 },
    );
  });
  it("REV-3: a review late on the window's first UTC day counts, in a session eight hours ahead of UTC", async () => {
    const store = 'store-roll-late-first-day';
    // The window of one day starts at 2026-11-25T13:45:07Z; 20:00Z that day is past midnight in Shanghai.
    await uow.run(async (tx) => {
      const review = new Review({
        id: newId(),
        marketplaceReviewId: `rv-${newId()}`,
        orderId: newId(),
        storeId: store,
        buyerId: 'buyer-roll',
        overall: 5,
        itemAsDescribed: 5,
        communication: 5,
        shippingSpeed: 5,
        text: '',
        reviewedAt: new Date('2026-11-25T20:00:00.000Z'),
        reply: null,
        repliedBy: null,
        repliedAt: null,
        version: 1,
      });
      tx.save(review);
      await ratings.add(tx, review);
    });
    const { stores } = await reader.read(uow.direct, StoreScope.ofStores([store]), store, NOW, 1);
    expect(stores[0]).toMatchObject({ storeId: store, reviews: 1, positive: 1 });
  });
});
