import { Injectable } from '@nestjs/common';
import { newId } from '@tradehub/kernel';
import type { Sql, Tx } from '@tradehub/platform';
import { FxQuote } from '../domain';

export interface TreasuryRate {
  from: string;
  to: string;
  rate: string;
  asOf: Date;
  source: string;
}

/** The treasury's rates (every one kept) and the quotes given from them. */
@Injectable()
export class FxRepository {
  /** Records a rate once per pair and instant; true when it is new. */
  async recordRate(tx: Tx, rate: TreasuryRate, now: Date): Promise<boolean> {
    const id = newId();
    const rows = await tx.query(
      `insert into settlement.fx_rates (id, from_currency, to_currency, rate, as_of, source, recorded_at)
       values (?, ?, ?, ?, ?, ?, ?) on conflict (from_currency, to_currency, as_of) do nothing returning id`,
      [id, rate.from, rate.to, rate.rate, rate.asOf, rate.source, now],
    );
    if (rows.length === 0) return false;
    tx.audit({
      action: 'settlement.fx-rate-recorded',
      subjectType: 'fx-rate',
      subjectId: id,
      changes: {
        pair: `${rate.from}/${rate.to}`,
        rate: { from: null, to: rate.rate },
        asOf: rate.asOf.toISOString(),
        source: rate.source,
      },
    });
    return true;
  }

  /** The newest rate of a pair that is already in effect at `now`. */
  async latestRate(
    sql: Sql,
    from: string,
    to: string,
    now: Date,
  ): Promise<{ rate: string; asOf: Date } | null> {
    const [row] = await sql.query<{ rate: string; as_of: Date | string }>(
      `select rate, as_of from settlement.fx_rates where from_currency = ? and to_currency = ? and as_of <= ?
       order by as_of desc limit 1`,
      [from, to, now],
    );
    return row ? { rate: row.rate, asOf: new Date(row.as_of) } : null;
  }

  findQuote(tx: Tx, id: string, forUpdate = true): Promise<FxQuote | null> {
    return tx.findById(FxQuote, id, forUpdate);
  }
}
