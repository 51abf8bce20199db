import { Command } from '@nestjs/cqrs';
import type { StoreScope } from '@tradehub/platform';
import type { FxQuote } from '../../domain';

/** SET-4: a rate from the treasury team (Kafka) or an operator (REST). */
export class RecordFxRateCommand extends Command<{ recorded: boolean }> {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly rate: string,
    readonly asOf: Date,
    readonly source: string,
  ) {
    super();
  }
}

/** SET-4: a quote for converting a store's `from` balance to CNY at the current rate, no spread. */
export class QuoteFxCommand extends Command<FxQuote> {
  constructor(
    readonly storeId: string,
    readonly from: string,
    readonly scope: StoreScope,
  ) {
    super();
  }
}
