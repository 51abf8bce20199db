import { Injectable } from '@nestjs/common';
import type { Sql } from '@tradehub/platform';

/** CMP-4 as CMP-3 needs it: whether the seller's account is closed (penalties keep the account). */
@Injectable()
export class AccountStatus {
  async closed(sql: Sql, sellerId: string): Promise<boolean> {
    const [row] = await sql.query<{ closed: boolean }>(
      `select closed from compliance.seller_accounts where seller_id = ?`,
      [sellerId],
    );
    return row?.closed ?? false;
  }
}
