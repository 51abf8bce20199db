import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@tradehub/platform';
import { DailyAmountsInUsdQuery } from '../contract';
import { convert, convertCross, parseRate, PAYOUT_CONVERSION_CURRENCY, type Rate } from '../domain/fx';

const USD = 'USD';
const DAY_MS = 86_400_000;
const ONE: Rate = { text: '1', units: 1n, scale: 0 };

interface RateRow {
  from_currency: string;
  to_currency: string;
  rate: string;
  as_of: Date | string;
}

/** ANA-1's GMV in USD: every amount at the rate in effect when its UTC day ended, from the stored rates. */
@QueryHandler(DailyAmountsInUsdQuery)
export class DailyAmountsInUsdHandler implements IQueryHandler<DailyAmountsInUsdQuery, (string | null)[]> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ amounts }: DailyAmountsInUsdQuery): Promise<(string | null)[]> {
    if (amounts.length === 0) return [];
    const ends = amounts.map((a) => Date.parse(`${a.day}T00:00:00Z`) + DAY_MS);
    const first = new Date(Math.min(...ends) - DAY_MS);
    const last = new Date(Math.max(...ends));
    // The newest rate of each pair before the first day, and every rate after it until the last day ends.
    const rows = await this.uow.direct.query<RateRow>(
      `(select distinct on (from_currency, to_currency) from_currency, to_currency, rate, as_of
          from settlement.fx_rates where to_currency in (?, ?) and as_of < ?
          order by from_currency, to_currency, as_of desc)
       union all
       (select from_currency, to_currency, rate, as_of from settlement.fx_rates
          where to_currency in (?, ?) and as_of >= ? and as_of < ?)`,
      [USD, PAYOUT_CONVERSION_CURRENCY, first, USD, PAYOUT_CONVERSION_CURRENCY, first, last],
    );
    const pairs = new Map<string, { at: number; rate: Rate }[]>();
    for (const r of rows) {
      const key = `${r.from_currency}>${r.to_currency}`;
      const list = pairs.get(key) ?? pairs.set(key, []).get(key)!;
      list.push({ at: new Date(r.as_of).getTime(), rate: parseRate(r.rate) });
    }
    for (const list of pairs.values()) list.sort((a, b) => a.at - b.at);
    const rateAt = (from: string, to: string, end: number): Rate | null => {
      if (from === to) return ONE;
      const list = pairs.get(`${from}>${to}`) ?? [];
      // The last rate set before the day ended (the list is in time order): a binary search, as a
      // panel converts thousands of store-days against the same few hundred rates.
      let [low, high] = [0, list.length];
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (list[mid]!.at < end) low = mid + 1;
        else high = mid;
      }
      return low === 0 ? null : list[low - 1]!.rate;
    };
    return amounts.map((a, i) => {
      const minor = BigInt(a.minor);
      if (a.currency === USD) return a.minor;
      const direct = rateAt(a.currency, USD, ends[i]!);
      if (direct) return convert(minor, a.currency, USD, direct).minor.toString();
      const viaFrom = rateAt(a.currency, PAYOUT_CONVERSION_CURRENCY, ends[i]!);
      const viaUsd = rateAt(USD, PAYOUT_CONVERSION_CURRENCY, ends[i]!);
      return viaFrom && viaUsd ? convertCross(minor, a.currency, USD, viaFrom, viaUsd).toString() : null;
    });
  }
}
