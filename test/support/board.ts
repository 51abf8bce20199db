import { ComplianceModule } from '@tradehub/compliance';
import { UnitOfWork } from '@tradehub/platform';
import { RiskBoard } from '../../libs/compliance/src/board';
import type { TestApp } from './test-app';

/** CMP-5: the risk board's list, as `token` sees it, with `query` as given. */
export async function boardList(t: TestApp, query: string, token: string) {
  return t.http.get(`/v1/compliance/risk-board${query ? `?${query}` : ''}`, token);
}

/** CMP-5: the items of every page of the list, following `nextCursor`. */
export async function boardAll(t: TestApp, query: string, token: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const page = await boardList(
      t,
      [query, cursor ? `cursor=${cursor}` : ''].filter(Boolean).join('&'),
      token,
    );
    if (page.status !== 200)
      throw new Error(`board list refused: ${page.status} ${JSON.stringify(page.body)}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

/** CMP-5: open counts per risk type number, as `token` sees them. */
export async function boardCounts(t: TestApp, query: string, token: string) {
  return t.http.get(`/v1/compliance/risk-board/counts${query ? `?${query}` : ''}`, token);
}

/** The RiskBoard service and Compliance's database, for what only Compliance itself raises (15-17). */
export function complianceBoard(t: TestApp): { board: RiskBoard; uow: UnitOfWork } {
  const compliance = t.app.select(ComplianceModule);
  return {
    board: compliance.get(RiskBoard, { strict: true }),
    uow: compliance.get(UnitOfWork, { strict: true }),
  };
}
