import { randomInt } from 'node:crypto';
import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  getReview,
  lateDeliveredOrder,
  postReview,
  type ReviewAnswer,
  type StoreRatingsAnswer,
  storeRatings,
  strikesOf,
} from './reviews-api';
import { type DemoOrderTemplate, expectAccessible, sandboxNow, signIn, usd } from './support';

// The sellers' Reviews page against the built app (test/browser/serve.mjs). Three orders of the demo
// seller's store-hangzhou are set up through the API with the operator token: each paid six hours
// before the sandbox's now and shipped past its 4-hour deadline (ORD-2: three late-shipment strikes,
// so REV-5 takes 0.1 or more off the store's shipping-speed DSR), then delivered, and each reviewed
// by its buyer (REV-1) as the buyer-facing team would send it. The sandbox clock is never moved.

const STORE = 'store-hangzhou';
const DIMENSIONS = ['ITEM_AS_DESCRIBED', 'COMMUNICATION', 'SHIPPING_SPEED'] as const;

const REVIEW_ORDER: DemoOrderTemplate & { storeId: typeof STORE } = {
  storeId: STORE,
  lines: [{ sku: 'SKU-REVIEW', title: 'Review test teapot', quantity: 1, unitPrice: usd('3900') }],
  shippingFee: usd('500'),
  shippingAddress: { name: 'Review Buyer', line1: '10 Via Roma', city: 'Milan', country: 'IT' },
};

/** A decimal string as the console shows it in English (its locale is `en`, whatever the browser's). */
const percent = (rate: string): string =>
  new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 2 }).format(rate as `${number}`);
const mean = (value: string): string =>
  new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(
    value as `${number}`,
  );

/** A review on the page: an article named after its order. */
const reviewCard = (page: Page, orderId: string): Locator =>
  page.getByRole('article', { name: `Order ${orderId}` });

/** The store's row of the ratings table; its cells: reviews, positive rate, then the three DSRs. */
const ratingsRow = (page: Page, store: string): Locator =>
  page
    .getByRole('table', { name: 'Positive rate and DSR per store' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: store, exact: true }) });

async function openReviews(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
  await expect(page).toHaveURL(/\/console\/reviews$/);
  await expect(page.getByRole('heading', { name: 'Reviews', level: 1 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Store', exact: true }).selectOption(STORE);
}

/** REV-3..5 as the ratings table must show them for the store. */
async function expectRatings(page: Page, expected: StoreRatingsAnswer): Promise<void> {
  const cells = ratingsRow(page, STORE).getByRole('cell');
  await expect(cells.nth(0)).toHaveText(String(expected.reviews));
  expect(expected.positiveRate).not.toBeNull();
  await expect(cells.nth(1)).toContainText(percent(expected.positiveRate!));
  await expect(cells.nth(1)).toContainText(`${expected.positive} of ${expected.reviews} rated 4 or 5`);
  for (const [i, dimension] of DIMENSIONS.entries()) {
    const figure = expected.dsr.find((f) => f.dimension === dimension)!;
    await expect(cells.nth(2 + i)).toHaveText(new RegExp(`^${mean(figure.shown!).replace('.', '\\.')}`));
  }
  // REV-5: the shipping-speed DSR shown is the raw mean less the strikes' deduction, both beside it.
  const shipping = expected.dsr.find((f) => f.dimension === 'SHIPPING_SPEED')!;
  await expect(cells.nth(4)).toContainText(`Raw mean ${mean(shipping.mean!)}`);
  await expect(cells.nth(4)).toContainText(
    `−${mean(shipping.deduction)} for ${shipping.strikes} late-shipment strikes (REV-5)`,
  );
}

test('REV-2: a seller replies once to a review from the console', async ({ page, request }, testInfo) => {
  test.setTimeout(240_000);
  const run = `${Date.now().toString(36)}${randomInt(46_656).toString(36)}`.toUpperCase();
  const now = await sandboxNow(request);
  const strikesBefore = await strikesOf(request, STORE);

  // Three late, delivered orders, each reviewed by its buyer.
  const [orderA, orderB, orderC] = await Promise.all(
    ['A', 'B', 'C'].map((n) => lateDeliveredOrder(request, REVIEW_ORDER, `REV-${run}-${n}`, now)),
  );
  const praised = await postReview(request, {
    reviewId: `rv-${run}-a`,
    orderId: orderA,
    overall: 5,
    dsr: { itemAsDescribed: 5, communication: 5, shippingSpeed: 4 },
    text: `Exactly as pictured and well packed. (${run})`,
  });
  const complaint = await postReview(request, {
    reviewId: `rv-${run}-b`,
    orderId: orderB,
    overall: 2,
    dsr: { itemAsDescribed: 2, communication: 3, shippingSpeed: 1 },
    text: `茶壶盖子碎了，发货也太慢。\nThe lid arrived broken. (${run})`,
  });
  const silent = await postReview(request, {
    reviewId: `rv-${run}-c`,
    orderId: orderC,
    overall: 4,
    dsr: { itemAsDescribed: 4, communication: 4, shippingSpeed: 3 },
    text: '',
  });
  // Reviews hears of the strikes from Orders' events (REV-5).
  await expect
    .poll(() => strikesOf(request, STORE), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(strikesBefore + 3);
  const expected = await storeRatings(request, STORE);
  expect(expected.reviews).toBeGreaterThanOrEqual(3);

  // The Reviews page, reached from the navigation, for the one store.
  await signIn(page, 'demo-admin', 'demo-admin-password');
  await openReviews(page);
  const ratings = page.getByRole('region', { name: 'Ratings' });
  await expect(ratings).toContainText(`Over the last ${expected.windowDays} days`);
  await expectRatings(page, expected);

  // The reviews, newest first: each with its order link, ratings, text and time (UTC on hover).
  const reviews = page.getByRole('region', { name: 'Reviews', exact: true });
  const list = reviews.getByRole('list', { name: 'Reviews, newest first' });
  await expect(list).toBeVisible();
  const cardB = reviewCard(page, orderB);
  await expect(cardB.getByRole('link', { name: `Order ${orderB}` })).toHaveAttribute(
    'href',
    `/console/orders/${orderB}`,
  );
  await expect(cardB).toContainText('Rated 2 of 5');
  await expect(cardB).toContainText('Not positive');
  await expect(cardB.getByRole('term')).toHaveText([
    'Reviewed',
    'Store',
    'Item as described',
    'Communication',
    'Shipping speed',
  ]);
  await expect(cardB.getByRole('definition').nth(1)).toHaveText(STORE);
  await expect(cardB.getByRole('definition').nth(2)).toHaveText('2 of 5');
  await expect(cardB.getByRole('definition').nth(3)).toHaveText('3 of 5');
  await expect(cardB.getByRole('definition').nth(4)).toHaveText('1 of 5');
  await expect(cardB.getByRole('blockquote')).toHaveText(complaint.text);
  await expect(cardB.locator(`time[datetime="${complaint.reviewedAt}"]`)).toHaveAttribute(
    'title',
    complaint.reviewedAt,
  );
  await expect(reviewCard(page, orderA)).toContainText('Rated 5 of 5');
  await expect(reviewCard(page, orderA)).toContainText('Positive');
  await expect(reviewCard(page, orderA).getByRole('blockquote')).toHaveText(praised.text);
  await expect(reviewCard(page, orderC)).toContainText('The buyer left no text.');
  // Newest first: C arrived last.
  const names = await list
    .getByRole('article')
    .evaluateAll((articles) => articles.map((a) => a.querySelector('h3')?.textContent ?? ''));
  const positions = [orderC, orderB, orderA].map((id) => names.indexOf(`Order ${id}`));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  await expectAccessible(page);

  // The list's filters: one rating, then only the reviews awaiting a reply.
  await reviews.getByRole('combobox', { name: 'Rating' }).selectOption({ label: '2 stars' });
  await expect(cardB).toBeVisible();
  await expect(reviewCard(page, orderA)).toHaveCount(0);
  await reviews.getByRole('combobox', { name: 'Rating' }).selectOption({ label: 'All ratings' });
  await reviews.getByRole('combobox', { name: 'Replies' }).selectOption({ label: 'Awaiting a reply' });
  await expect(reviewCard(page, orderA)).toBeVisible();
  await expect(cardB).toBeVisible();

  // A second tab opens the same review before the reply is sent.
  const stale = await page.context().newPage();
  await signIn(stale, 'demo-admin', 'demo-admin-password');
  await openReviews(stale);
  const staleB = reviewCard(stale, orderB);
  await expect(staleB.getByLabel('Your reply')).toBeVisible();

  // The reply, checked first: an empty one is not sent.
  const form = cardB.getByRole('form', { name: /^Reply to this review/ });
  const replyBox = form.getByLabel('Your reply');
  await form.getByRole('button', { name: 'Send reply' }).click();
  await expect(form.getByRole('alert')).toHaveText('Write a reply first.');
  await expect(replyBox).toHaveAttribute('aria-invalid', 'true');
  await expect(replyBox).toBeFocused();
  const replyText = `Sorry about the lid: a new teapot is on its way. 很抱歉，已为您补发。(${run})`;
  await replyBox.fill(replyText);
  await expect(form).toContainText(`${[...replyText].length} of 1000 characters`);
  await form.getByRole('button', { name: 'Send reply' }).click();

  // Shown at once, the form gone, focus on the reply, the status line saying so.
  const reply = cardB.getByRole('heading', { name: 'Your reply', level: 4 });
  await expect(reply).toBeFocused();
  await expect(cardB).toContainText(replyText);
  await expect(cardB.getByRole('form')).toHaveCount(0);
  await expect(cardB.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(`Reply sent to the review of order ${orderB}.`);
  // The API has it.
  const stored: ReviewAnswer = await getReview(request, complaint.id);
  expect(stored.reply).toBe(replyText);
  expect(stored.repliedAt).not.toBeNull();
  await expect(
    cardB
      .getByRole('paragraph')
      .filter({ hasText: /^Replied / })
      .getByRole('time'),
  ).toHaveAttribute('datetime', stored.repliedAt!);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('reviews.png'), fullPage: true });

  // The stale tab's second reply is refused by the server (REV-2): its problem, then the reply there is.
  const staleForm = staleB.getByRole('form', { name: /^Reply to this review/ });
  await staleForm.getByLabel('Your reply').fill('A second reply must not replace the first.');
  await staleForm.getByRole('button', { name: 'Send reply' }).click();
  await expect(staleB.getByRole('alert')).toHaveText('the seller already replied to this review (REV-2)');
  await expect(staleB).toContainText(replyText);
  await expect(staleB.getByRole('form')).toHaveCount(0);
  await expectAccessible(stale);
  await stale.close();
  expect((await getReview(request, complaint.id)).reply).toBe(replyText);

  // Read again: the reply stays and no form is offered; the review left the ones awaiting a reply.
  await page.reload();
  await page.getByRole('combobox', { name: 'Store', exact: true }).selectOption(STORE);
  await expect(cardB).toContainText(replyText);
  await expect(cardB.getByRole('form')).toHaveCount(0);
  await expect(reviewCard(page, orderC).getByLabel('Your reply')).toBeVisible();
  await reviews.getByRole('combobox', { name: 'Replies' }).selectOption({ label: 'Awaiting a reply' });
  await expect(reviewCard(page, orderC)).toBeVisible();
  await expect(cardB).toHaveCount(0);
  await reviews.getByRole('combobox', { name: 'Replies' }).selectOption({ label: 'Replied' });
  await expect(cardB).toContainText(replyText);
  await expect(reviewCard(page, orderC)).toHaveCount(0);
  // Replying changes no figure.
  await expectRatings(page, await storeRatings(request, STORE));
  expect(silent.reply).toBeNull();

  // In Chinese too.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '评价', level: 1 })).toBeVisible();
  for (const region of ['评分', '评价列表'])
    await expect(page.getByRole('region', { name: region })).toBeVisible();
  await expect(page.getByRole('table', { name: '各店铺好评率与 DSR' })).toBeVisible();
  await expect(cardB.or(page.getByRole('article', { name: `订单 ${orderB}` }))).toContainText('您的回复');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'English' }).click();
});

test('REV-2: operators are told the Reviews page is for sellers', async ({ page }) => {
  await signIn(page, 'demo-operator', 'demo-operator-password', 'a platform operator');
  await page.goto('/console/reviews');
  await expect(page.getByRole('heading', { name: 'Reviews', level: 1 })).toBeVisible();
  await expect(page.getByText('The Reviews page is for sellers')).toBeVisible();
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expectAccessible(page);
});
