import { useI18n } from '../i18n/useI18n';
import type { Lang } from '../i18n/messages';

/** The sandbox clock page's texts; the nav label `sandboxClock` lives in the shared messages. */
const en = {
  title: 'Sandbox clock',
  intro:
    'The sandbox runs on a simulated clock that stands still until it is advanced. Advancing it fires every timer that falls due on the way, in order: ship-by deadlines, refund answers, settlement reviews and releases.',
  operatorsOnly: 'The sandbox clock is moved by platform operators.',
  notSandbox: 'This server is not a sandbox: it runs on real time, which nobody moves.',
  now: 'Simulated now',
  nowUtc: (time: string) => `${time} UTC`,
  byHeading: 'Advance by',
  amount: 'Amount',
  unit: 'Unit',
  units: { minutes: 'minutes', hours: 'hours', days: 'days' } as Record<Unit, string>,
  toHeading: 'Advance to an instant',
  toLabel: 'Instant (UTC)',
  toHint: 'Year-month-day and time in UTC; only forward.',
  advance: 'Advance',
  advancing: 'Advancing…',
  advanced: (from: string, to: string, fired: number) =>
    `Moved from ${from} to ${to} UTC; ${fired} ${fired === 1 ? 'timer' : 'timers'} fired on the way.`,
  amountInvalid: 'Give a whole number above 0.',
  instantInvalid: 'Give a date and time.',
};

export type Unit = 'minutes' | 'hours' | 'days';
type SandboxClockMessages = typeof en;

const zh: SandboxClockMessages = {
  title: '沙箱时钟',
  intro:
    '沙箱使用模拟时钟，不推进就停在原处。推进时，途中到期的计时器按顺序触发：发货截止、退款答复、放款审核与放款。',
  operatorsOnly: '沙箱时钟由平台运营人员推进。',
  notSandbox: '此服务器不是沙箱：它使用真实时间，无法推进。',
  now: '模拟当前时间',
  nowUtc: (time: string) => `${time} UTC`,
  byHeading: '推进一段时间',
  amount: '数量',
  unit: '单位',
  units: { minutes: '分钟', hours: '小时', days: '天' },
  toHeading: '推进到指定时刻',
  toLabel: '时刻（UTC）',
  toHint: 'UTC 的日期和时间；只能向前。',
  advance: '推进',
  advancing: '推进中…',
  advanced: (from: string, to: string, fired: number) =>
    `已从 ${from} 推进到 ${to} UTC；途中触发了 ${fired} 个计时器。`,
  amountInvalid: '请输入大于 0 的整数。',
  instantInvalid: '请输入日期和时间。',
};

const MESSAGES: Record<Lang, SandboxClockMessages> = { en, zh };

export function useSandboxClockMessages(): SandboxClockMessages {
  return MESSAGES[useI18n().lang];
}
