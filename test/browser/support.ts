import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// Helpers the console's browser tests share (test/browser/*.pw.ts).

/** Signs in through tradehub's own OAuth 2.0 pages, as seller staff or a platform operator. */
export async function signIn(
  page: Page,
  username: string,
  password: string,
  realm = 'seller staff',
): Promise<void> {
  await page.goto('/console/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel(realm).check();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/console\/orders$/);
}

/** WCAG 2 A and AA rules that axe checks on what the page shows now. */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** RFC 4180 records of a CSV text (a leading BOM kept in the first field: callers check it). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

export * from './demo-api';
export * from './files';
