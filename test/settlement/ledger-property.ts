import { CommandBus } from '@nestjs/cqrs';
import { DomainError, Money } from '@tradehub/kernel';
import { StoreScope, UnitOfWork } from '@tradehub/platform';
import { SettlementModule } from '@tradehub/settlement';
import { PostRefundCommand, RecordOrderIssueCommand } from '@tradehub/settlement/contract';
import { DecideHoldCommand } from '../../libs/settlement/src/commands/decide-hold/decide-hold.command';
import { FreezeProceedsCommand } from '../../libs/settlement/src/commands/freeze-proceeds/freeze-proceeds.command';
import { QuoteFxCommand, RecordFxRateCommand } from '../../libs/settlement/src/commands/fx/fx.commands';
import {
  ReleaseFundsCommand,
  StartReviewCommand,
} from '../../libs/settlement/src/commands/review/review.commands';
import {
  RequestWithdrawalCommand,
  SettlePayoutCommand,
} from '../../libs/settlement/src/commands/withdraw/withdraw.command';
import { SettlementOrder } from '../../libs/settlement/src/domain';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * SET-6 (with SET-1..5): random sequences of every ledger operation through Settlement's real
 * command handlers and the real database, checking after every step that each currency sums to
 * zero over all accounts, no frozen balance is negative, every balance equals the sum of its
 * postings (each new posting continues its account's chain), a refused or redelivered operation
 * changes nothing, and no key posts twice. LEDGER_PROPERTY_SEED replays a run; LEDGER_PROPERTY_OPS
 * sizes it (100,000 by default).
 *
 * The run is two lanes, each its own process and database with half the operations and its own
 * seed derived from the run's: one lane is a chain of round trips that keeps neither the app nor
 * PostgreSQL busy, so two lanes use the second core and halve the wall time of the same total.
 */
const OPS = Number(process.env.LEDGER_PROPERTY_OPS ?? 100_000);
const RUN_SEED = Number(process.env.LEDGER_PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));
export const LEDGER_PROPERTY_LANES = 2;
/** More rows than one step ever adds: the check reads this many newest ones. */
const RECENT = 64;
const STORES = ['p-s1', 'p-s2', 'p-s3', 'p-s4', 'p-s5', 'p-s6'];
const CURRENCIES = ['USD', 'EUR', 'JPY', 'BHD'];

/** mulberry32: small, seedable, good enough to explore. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Check {
  unbalanced: string | null;
  negative_frozen: number;
  stale_balances: number;
  broken_chain: number;
  last_entry: string;
  last_posting: string;
  fingerprint: string;
  duplicate_keys: number;
  new_postings: number;
  new_entries: number;
}

interface ModelOrder {
  id: string;
  store: string;
  currency: string;
  refundIds: { id: string; amount: bigint }[];
}

/** Lane `lane` (0-based) of the run: its share of the operations, on a seed derived from the run's. */
export function ledgerPropertyLane(lane: number): void {
  const SEED = lane === 0 ? RUN_SEED : (RUN_SEED ^ Math.imul(lane, 0x5bd1e995)) >>> 0;
  const LANE_OPS = Math.ceil(OPS / LEDGER_PROPERTY_LANES);
  describe(`SET-6: the ledger under random operations (seeded, replayable), lane ${lane + 1} of ${LEDGER_PROPERTY_LANES}`, () => {
    let t: TestApp;
    let uow: UnitOfWork;
    let commands: CommandBus;

    beforeAll(async () => {
      // Settlement alone (its events go to the broker, no other context reacts here); no timer fires
      // behind the sequence's back (the sequence runs reviews and releases itself). The relay waits
      // a second after a wake-up, so it publishes many operations' events at once rather than one
      // operation's each time (about 15% of the run's time here); nothing checked depends on when.
      t = await startTestApp({
        env: {
          CONTEXTS: 'settlement',
          SETTLEMENT_COMMISSION_BPS: '750',
          TIMER_POLL_MS: '3600000',
          OUTBOX_LINGER_MS: '1000',
          OUTBOX_POLL_MS: '1000',
        },
      });
      uow = t.app.select(SettlementModule).get(UnitOfWork, { strict: true });
      commands = t.app.get(CommandBus);
    });

    afterAll(async () => {
      await t.close();
    });

    const check = async (lastPosting: string, lastEntry: string): Promise<Check> =>
      (
        await uow.direct.query<Check>(
          // The rows a step added are read as the newest few by index (a step adds at most a handful),
          // never by a range whose plan depends on statistics that lag 100,000 quick commits.
          `with new_postings as (
           select * from (select * from settlement.postings order by id desc limit ${RECENT}) r where id > ?::bigint),
         new_entries as (
           select * from (select * from settlement.journal_entries order by seq desc limit ${RECENT}) r where seq > ?::bigint)
         select
          (select string_agg(currency || ' ' || s, ', ') from (select currency, sum(balance) s from settlement.accounts
             group by currency having sum(balance) <> 0) x) as unbalanced,
          (select count(*)::int from settlement.accounts where kind = 'FROZEN' and balance < 0) as negative_frozen,
          (select count(*)::int from settlement.accounts a
            where a.id in (select account_id from new_postings)
              and a.balance <> (select p.balance_after from settlement.postings p where p.account_id = a.id
                order by p.id desc limit 1)) as stale_balances,
          (select count(*)::int from new_postings p where p.balance_after <> p.amount +
             coalesce((select q.balance_after from settlement.postings q where q.account_id = p.account_id and q.id < p.id
               order by q.id desc limit 1), 0)) as broken_chain,
          (select count(*)::int from new_postings) as new_postings,
          (select count(*)::int from new_entries) as new_entries,
          (select coalesce(max(seq), 0)::text from settlement.journal_entries) as last_entry,
          (select count(*)::int from new_entries e
            where (select count(*) from settlement.journal_entries f where f.idempotency_key = e.idempotency_key) > 1)
            as duplicate_keys,
          (select coalesce(max(id), 0)::text from settlement.postings) as last_posting,
          (select md5(coalesce(string_agg(id || ':' || balance, ',' order by id), '')) from settlement.accounts) as fingerprint`,
          [lastPosting, lastEntry],
        )
      )[0]!;

    it(
      `SET-6: ${LANE_OPS} random deliveries, reviews, holds, releases, refunds, withdrawals in two currencies, payouts and redeliveries keep the ledger exact`,
      async () => {
        process.stdout.write(
          `ledger property lane ${lane + 1}: seed ${SEED}, ${LANE_OPS} operations (replay the run: LEDGER_PROPERTY_SEED=${RUN_SEED})\n`,
        );
        const rand = random(SEED);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
        const amount = (max: bigint): bigint => 1n + BigInt(Math.floor(rand() * Number(max)));
        const scope = StoreScope.all();
        const orders: ModelOrder[] = [];
        const frozen: ModelOrder[] = [];
        const requested: string[] = [];
        const settled: string[] = [];
        let previous = await check('0', '0');
        let n = 0;

        /** Runs one operation; `unchanged` says it must leave the ledger exactly as it was. */
        async function step(name: string, op: () => Promise<unknown>, unchanged = false): Promise<void> {
          let refused: DomainError | null = null;
          try {
            await op();
          } catch (error) {
            if (!(error instanceof DomainError))
              throw new Error(`seed ${SEED}, step ${n} ${name}: ${String(error)}`);
            refused = error;
          }
          const now = await check(previous.last_posting, previous.last_entry);
          const where = `run seed ${RUN_SEED}, lane ${lane + 1} seed ${SEED}, step ${n} (${name}${refused ? `, refused ${refused.code}` : ''})`;
          if (now.new_postings >= RECENT || now.new_entries >= RECENT)
            throw new Error(`${where}: more new rows than the check reads (${RECENT}); raise RECENT`);
          expect({
            where,
            unbalanced: now.unbalanced,
            negativeFrozen: now.negative_frozen,
            stale: now.stale_balances,
            chain: now.broken_chain,
            duplicates: now.duplicate_keys,
          }).toEqual({
            where,
            unbalanced: null,
            negativeFrozen: 0,
            stale: 0,
            chain: 0,
            duplicates: 0,
          });
          if (unchanged || refused)
            expect({ where, fingerprint: now.fingerprint, lastEntry: now.last_entry }).toEqual({
              where,
              fingerprint: previous.fingerprint,
              lastEntry: previous.last_entry,
            });
          previous = now;
        }

        const stores = () => pick(STORES);
        for (const currency of ['USD', 'EUR'])
          await commands.execute(
            new RecordFxRateCommand(
              currency,
              'CNY',
              currency === 'USD' ? '7.1234' : '7.7015',
              new Date('2026-11-01T00:00:00Z'),
              'property',
            ),
          );

        for (n = 0; n < LANE_OPS; n++) {
          const roll = rand();
          if (roll < 0.22 || orders.length < 5) {
            // A paid order enters Settlement (before delivery), then, mostly, its delivery freezes the proceeds.
            const id = crypto.randomUUID();
            const order: ModelOrder = { id, store: stores(), currency: pick(CURRENCIES), refundIds: [] };
            const total = Money.of(amount(200_000n), order.currency);
            await uow.run(async (tx) =>
              tx.save(
                SettlementOrder.open({ orderId: id, storeId: order.store, sellerId: 'seller', total }, 750),
              ),
            );
            orders.push(order);
            if (rand() < 0.8) {
              const deliveredAt = new Date(
                Date.parse('2026-11-10T00:00:00Z') + Math.floor(rand() * 20 * 86_400_000),
              );
              await step('deliver', () => commands.execute(new FreezeProceedsCommand(id, deliveredAt)));
              frozen.push(order);
            }
          } else if (roll < 0.27) {
            const order = pick(frozen.length ? frozen : orders);
            await step(
              'redelivered delivery',
              () => commands.execute(new FreezeProceedsCommand(order.id, new Date('2026-11-20T00:00:00Z'))),
              true,
            );
          } else if (roll < 0.37) {
            const order = pick(orders);
            // Sometimes a reason to hold: a fake-shipment case, or a dispute (opened, or closed again).
            const signal = rand();
            if (signal < 0.1)
              await uow.direct.query(
                `insert into settlement.order_signals (order_id, fake_shipment_confirmed_at) values (?, ?) on conflict do nothing`,
                [order.id, new Date('2026-11-20T00:00:00Z')],
              );
            else if (signal < 0.25)
              await step(
                'dispute',
                () => commands.execute(new RecordOrderIssueCommand(`d-${order.id}`, order.id, rand() < 0.7)),
                true,
              );
            await step('review', () => commands.execute(new StartReviewCommand(order.id)));
          } else if (roll < 0.45) {
            await step('release', () => commands.execute(new ReleaseFundsCommand(pick(orders).id)));
          } else if (roll < 0.5) {
            const decision = rand() < 0.7 ? 'RELEASE' : 'KEEP_HOLDING';
            await step(`decide ${decision}`, () =>
              commands.execute(new DecideHoldCommand(pick(orders).id, decision, 'property', 'op')),
            );
          } else if (roll < 0.64) {
            const order = pick(orders);
            const refundId = `r-${n}`;
            const value = amount(rand() < 0.1 ? 400_000n : 60_000n);
            await step('refund', async () => {
              await commands.execute(
                new PostRefundCommand(refundId, order.id, value.toString(), order.currency),
              );
              order.refundIds.push({ id: refundId, amount: value });
            });
          } else if (roll < 0.69) {
            const order = pick(
              orders
                .filter((o) => o.refundIds.length > 0)
                .slice(-50)
                .concat(orders[0]!),
            );
            const refund = order.refundIds[0];
            if (refund)
              await step(
                'redelivered refund',
                () =>
                  commands.execute(
                    new PostRefundCommand(refund.id, order.id, refund.amount.toString(), order.currency),
                  ),
                true,
              );
          } else if (roll < 0.85) {
            const store = stores();
            const currency = pick(CURRENCIES.slice(0, 2));
            const value = amount(rand() < 0.15 ? 10_000_000n : 150_000n);
            const convert = rand() < 0.4;
            await step(`withdraw${convert ? ' to CNY' : ''}`, async () => {
              const quote = convert
                ? await commands.execute(new QuoteFxCommand(store, currency, scope))
                : null;
              const w = await commands.execute(
                new RequestWithdrawalCommand(
                  store,
                  currency,
                  value.toString(),
                  quote?.id ?? null,
                  `k-${n}`,
                  'prop',
                  scope,
                ),
              );
              requested.push(w.id);
            });
          } else if (roll < 0.97) {
            if (requested.length === 0) continue;
            const id = requested.splice(Math.floor(rand() * requested.length), 1)[0]!;
            const outcome = rand() < 0.7 ? 'COMPLETED' : 'FAILED';
            await step(`payout ${outcome}`, () =>
              commands.execute(new SettlePayoutCommand(id, outcome, 'property')),
            );
            settled.push(id);
          } else if (settled.length > 0) {
            await step(
              'redelivered payout',
              () =>
                commands.execute(
                  new SettlePayoutCommand(pick(settled), pick(['COMPLETED', 'FAILED'] as const), 'again'),
                ),
              true,
            );
          }
        }

        // Once more in full: every balance is the plain sum of its postings.
        const [full] = await uow.direct.query<{ off: number }>(
          `select count(*)::int as off from settlement.accounts a
       where a.balance <> coalesce((select sum(amount) from settlement.postings p where p.account_id = a.id), 0)`,
        );
        expect({ seed: SEED, off: full!.off }).toEqual({ seed: SEED, off: 0 });
      },
      45 * 60_000,
    );
  });
}
