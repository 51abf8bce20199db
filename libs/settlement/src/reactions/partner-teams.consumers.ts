import { CommandBus } from '@nestjs/cqrs';
import { type EventHandler, type IncomingEvent, type UnitOfWork, validateMessage } from '@tradehub/platform';
import { RecordFxRateCommand } from '../commands/fx/fx.commands';
import { SettlePayoutCommand } from '../commands/withdraw/withdraw.command';
import { PayoutResultMessage, TreasuryRateMessage } from '../http/settlement.dto';

/** SET-4: the treasury team's rates, validated like the operator endpoint's. */
export function treasuryRatesConsumer(
  topic: string,
  commands: CommandBus,
  database: UnitOfWork,
): EventHandler {
  return {
    consumer: 'settlement.treasury-rates',
    topic,
    database,
    async handle(event: IncomingEvent): Promise<void> {
      const m = await validateMessage(TreasuryRateMessage, event.data);
      await commands.execute(
        new RecordFxRateCommand(m.from, m.to, m.rate, new Date(m.asOf), `treasury:${event.id}`),
      );
    },
  };
}

/** SET-4: the payments team's payout-completed or payout-failed results. */
export function payoutResultsConsumer(
  topic: string,
  commands: CommandBus,
  database: UnitOfWork,
): EventHandler {
  return {
    consumer: 'settlement.payout-results',
    topic,
    database,
    async handle(event: IncomingEvent): Promise<void> {
      const m = await validateMessage(PayoutResultMessage, event.data);
      await commands.execute(new SettlePayoutCommand(m.withdrawalId, m.outcome, m.reason ?? null));
    },
  };
}
