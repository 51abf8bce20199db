import { type Locator, type Page, expect, test } from '@playwright/test';
import { confirmFakeShipment, penaltyAccount, runId, testSeller, waitForCases } from './fake-shipments-api';
import { expectAccessible, sandboxNow, signIn } from './support';

// The operators' fake-shipment cases and appeals (FUL-6, CMP-4) against the built app. Each test
// confirms fake shipments for a seller of its own through the public API (an order shipped, a
// pickup proof uploaded, the review task decided CONFIRM_FAKE_SHIPMENT), never for the demo seller:
// the files that run later ship its orders, and a second case would close its account.

const HOUR_MS = 3_600_000;

/** Signs the operator in and opens the page from the navigation, narrowed to the seller's store. */
async function openPenalties(page: Page, storeId: string, sellerId: string): Promise<Locator> {
  await signIn(page, 'demo-operator', 'demo-operator-password', 'a platform operator');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fake shipments' }).click();
  await expect(page).toHaveURL(/\/console\/fake-shipments$/);
  await expect(page.getByRole('heading', { name: 'Fake-shipment cases', level: 1 })).toBeVisible();
  await page.getByLabel('Store', { exact: true }).fill(storeId);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(
    page.getByRole('heading', { name: `Seller ${sellerId}`, exact: true, level: 2 }),
  ).toBeVisible();
  // Found by its seller id, whichever language the page speaks later.
  const account = page.getByRole('article').filter({ hasText: sellerId });
  // The store's seller only.
  await expect(page.getByRole('article')).toHaveCount(1);
  return account;
}

/** One fact of the account (points, counted cases, open or closed, stores): its value. */
const fact = (account: Locator, name: string): Locator =>
  account
    .locator('dl.penalty-facts > div')
    .filter({ has: account.page().locator('dt', { hasText: new RegExp(`^${name}$`) }) })
    .locator('dd');

/** The list of a case's appeal decisions. */
const appeals = (row: Locator): Locator => row.locator('ul.penalty-appeals');

test('CMP-4: an operator reverses a fake-shipment case on appeal', async ({ page, request }, testInfo) => {
  const seller = testSeller('fs');
  const now = await sandboxNow(request);
  const fake = await confirmFakeShipment(request, seller, `FSA-${runId()}`, now - 3 * HOUR_MS);
  const before = await waitForCases(request, seller.storeId, 1);
  expect(before).toMatchObject({ points: 6, countedCases: 1, casesToClose: 2, closed: false });
  const { caseId, confirmedBy } = before.cases[0];
  expect(before.cases[0]).toMatchObject({ taskId: fake.taskId, orderId: fake.orderId, counted: true });

  await page.setViewportSize({ width: 1280, height: 1000 });
  const account = await openPenalties(page, seller.storeId, seller.sellerId);
  await expect(account.getByRole('heading', { name: `Seller ${seller.sellerId}`, level: 2 })).toBeVisible();
  await expect(fact(account, 'Penalty points')).toHaveText('6');
  await expect(fact(account, 'Counted cases')).toHaveText('1 (2 close the account)');
  await expect(fact(account, 'Account')).toHaveText('Open');
  await expect(account.getByText('Account closed')).toHaveCount(0);

  // The case with its references: order (linked to its page), package, tracking number, review task.
  const cases = account.getByRole('table', {
    name: `Fake-shipment cases of seller ${seller.sellerId}, oldest first`,
  });
  await expect(cases).toBeVisible();
  // The case's row, whichever language its table is captioned in.
  const row = account.getByRole('row').filter({ has: page.getByRole('rowheader', { name: caseId }) });
  await expect(row.getByRole('link', { name: fake.orderId })).toHaveAttribute(
    'href',
    `/console/orders/${fake.orderId}`,
  );
  await expect(row).toContainText(fake.packageId);
  await expect(row).toContainText(fake.trackingNumber);
  await expect(row).toContainText(fake.taskId);
  await expect(row).toContainText(seller.storeId);
  await expect(row).toContainText(fake.reason);
  await expect(row).toContainText(`by ${confirmedBy}`);
  await expect(row).toContainText('Counted');
  await expectAccessible(page);

  // The appeal form opens from the keyboard; nothing is sent without an outcome and a reason.
  const decide = row.getByRole('button', { name: `Decide appeal on case ${caseId}` });
  await decide.focus();
  await page.keyboard.press('Enter');
  await expect(decide).toHaveAttribute('aria-expanded', 'true');
  const form = page.getByRole('form', { name: `Appeal on case ${caseId.slice(0, 8)}` });
  await expect(form.getByRole('heading', { name: `Appeal on case ${caseId.slice(0, 8)}` })).toBeFocused();
  await form.getByRole('button', { name: 'Record decision' }).click();
  await expect(form.getByRole('alert')).toHaveText(['Choose an outcome.', 'Give a reason.']);
  await expect(form.getByRole('radio', { name: 'Reverse the case' })).toBeFocused();

  // Escape closes it, the focus back on its button; open again and decide REVERSED.
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(decide).toBeFocused();
  await decide.click();
  const outcome = form.getByRole('radiogroup', { name: 'Outcome' });
  await expect(outcome.getByRole('radio')).toHaveCount(2);
  await outcome.getByRole('radio', { name: 'Reverse the case' }).check();
  const reason = `The carrier found the pickup scan of ${fake.trackingNumber}: not a fake shipment.`;
  await form.getByLabel('Reason for the decision').fill(reason);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('fake-shipments-appeal.png'), fullPage: true });

  const answer = page.waitForResponse((r) =>
    r.url().endsWith(`/v1/compliance/penalties/cases/${caseId}/appeal`),
  );
  await form.getByRole('button', { name: 'Record decision' }).click();
  expect((await answer).status()).toBe(200);

  // The seller's account as the answer has it, in place: no points, open, the case reversed.
  await expect(page.getByRole('status')).toHaveText(
    `Case ${caseId.slice(0, 8)} reversed: seller ${seller.sellerId} now has 0 penalty points; the account is open.`,
  );
  await expect(form).toHaveCount(0);
  await expect(account.getByRole('heading', { name: `Seller ${seller.sellerId}`, level: 2 })).toBeFocused();
  await expect(fact(account, 'Penalty points')).toHaveText('0');
  await expect(fact(account, 'Counted cases')).toHaveText('0 (2 close the account)');
  await expect(fact(account, 'Account')).toHaveText('Open');
  await expect(row).toContainText('Reversed');
  await expect(row).not.toContainText('Counted');
  await expect(appeals(row)).toContainText(reason);
  await expect(row.getByRole('button', { name: /^Decide appeal/ })).toHaveCount(0);
  await expect(row).toContainText('No further decision');
  await expectAccessible(page);

  // And so the API has it: reversed cases stay on record, uncounted.
  const after = await penaltyAccount(request, seller.storeId);
  expect(after).toMatchObject({ points: 0, countedCases: 0, closed: false });
  expect(after!.cases).toHaveLength(1);
  expect(after!.cases[0]).toMatchObject({
    caseId,
    counted: false,
    reversalReason: reason,
    appeals: [{ outcome: 'REVERSED', reason }],
  });

  // The page speaks Chinese too.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '虚假发货案件', level: 1 })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(
    `案件 ${caseId.slice(0, 8)} 已撤销：卖家 ${seller.sellerId} 现有 0 处罚分，账户正常。`,
  );
  await expect(row).toContainText('已撤销');
  await expectAccessible(page);
});

test('CMP-4: the second confirmed case closes the account; an upheld appeal keeps it closed, a reversal reopens it', async ({
  page,
  request,
}, testInfo) => {
  const seller = testSeller('fs2');
  const now = await sandboxNow(request);
  const first = await confirmFakeShipment(request, seller, `FSB-${runId()}`, now - 5 * HOUR_MS);
  await waitForCases(request, seller.storeId, 1);
  const second = await confirmFakeShipment(request, seller, `FSC-${runId()}`, now - 4 * HOUR_MS);
  const before = await waitForCases(request, seller.storeId, 2);
  expect(before).toMatchObject({ points: 12, countedCases: 2, closed: true });
  const caseOf = (taskId: string) => before.cases.find((c) => c.taskId === taskId)!.caseId;
  const firstCase = caseOf(first.taskId);
  const secondCase = caseOf(second.taskId);

  await page.setViewportSize({ width: 1280, height: 1000 });
  const account = await openPenalties(page, seller.storeId, seller.sellerId);
  // Marked clearly: a badge beside the heading and the account's status, with the date it closed.
  await expect(account.locator('.penalty-account-head')).toContainText('Account closed');
  await expect(fact(account, 'Penalty points')).toHaveText('12');
  await expect(fact(account, 'Counted cases')).toHaveText('2 (2 close the account)');
  await expect(fact(account, 'Account')).toContainText(/^Account closed Closed since /);
  await expect(account).toContainText('A closed account takes no new orders and confirms no shipments');
  const rowOf = (caseId: string) =>
    account.getByRole('row').filter({ has: page.getByRole('rowheader', { name: caseId }) });
  await expect(rowOf(firstCase)).toContainText(first.trackingNumber);
  await expect(rowOf(secondCase)).toContainText(second.trackingNumber);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('fake-shipments.png'), fullPage: true });

  // UPHELD is recorded: the case keeps counting, the account stays closed.
  const decide = async (caseId: string, outcome: string, reason: string) => {
    await rowOf(caseId)
      .getByRole('button', { name: `Decide appeal on case ${caseId}` })
      .click();
    const form = page.getByRole('form', { name: `Appeal on case ${caseId.slice(0, 8)}` });
    await form.getByRole('radio', { name: outcome }).check();
    await form.getByLabel('Reason for the decision').fill(reason);
    await form.getByRole('button', { name: 'Record decision' }).click();
    await expect(form).toHaveCount(0);
  };
  const upheld = 'The carrier has no pickup scan; the proof was made after the fact.';
  await decide(firstCase, 'Uphold the case', upheld);
  await expect(page.getByRole('status')).toHaveText(
    `Case ${firstCase.slice(0, 8)} upheld: seller ${seller.sellerId} now has 12 penalty points; the account is closed.`,
  );
  await expect(fact(account, 'Penalty points')).toHaveText('12');
  await expect(account.locator('.penalty-account-head')).toContainText('Account closed');
  await expect(rowOf(firstCase)).toContainText('Counted');
  await expect(appeals(rowOf(firstCase))).toContainText(`Upheld`);
  await expect(appeals(rowOf(firstCase))).toContainText(upheld);
  await expect(
    rowOf(firstCase).getByRole('button', { name: `Decide appeal on case ${firstCase}` }),
  ).toBeVisible();

  // REVERSED takes the second case's 6 points out: one counted case is below the bar, so it reopens.
  const reversed = 'The carrier confirmed the pickup scan late; the parcel is moving.';
  await decide(secondCase, 'Reverse the case', reversed);
  await expect(page.getByRole('status')).toHaveText(
    `Case ${secondCase.slice(0, 8)} reversed: seller ${seller.sellerId} now has 6 penalty points; the account is open.`,
  );
  await expect(fact(account, 'Penalty points')).toHaveText('6');
  await expect(fact(account, 'Counted cases')).toHaveText('1 (2 close the account)');
  await expect(fact(account, 'Account')).toHaveText('Open');
  await expect(account.getByText('Account closed')).toHaveCount(0);
  await expect(rowOf(secondCase)).toContainText('Reversed');
  await expect(rowOf(firstCase)).toContainText('Counted');
  await expectAccessible(page);

  const after = await penaltyAccount(request, seller.storeId);
  expect(after).toMatchObject({ points: 6, countedCases: 1, closed: false, closedAt: null });
  expect(after!.cases.find((c) => c.caseId === firstCase)).toMatchObject({
    counted: true,
    appeals: [{ outcome: 'UPHELD', reason: upheld }],
  });
  expect(after!.cases.find((c) => c.caseId === secondCase)).toMatchObject({
    counted: false,
    reversalReason: reversed,
    appeals: [{ outcome: 'REVERSED', reason: reversed }],
  });
});

test('seller staff are told operators work fake-shipment cases', async ({ page }) => {
  await signIn(page, 'demo-admin', 'demo-admin-password');
  await expect(page.getByText('Demo admin')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Orders' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Fake shipments' })).toHaveCount(0);

  await page.goto('/console/fake-shipments');
  await expect(page.getByRole('heading', { name: 'Fake-shipment cases', level: 1 })).toBeVisible();
  await expect(
    page.getByText('Fake-shipment cases and their appeals are worked by platform operators.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Decide appeal/ })).toHaveCount(0);
  await expectAccessible(page);
});
