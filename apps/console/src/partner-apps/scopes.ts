import { api } from '../api/client';
import { useLoad } from '../common/useLoad';
import type { Lang } from '../i18n/messages';

/**
 * The OAuth 2.0 scopes (API-1) with what each opens in both languages: the Chinese text, and the
 * fallback where the server's catalogue (operators only, useServerScopes) is not read.
 */
const KNOWN: Record<string, Record<Lang, string>> = {
  'orders:read': {
    en: 'Read orders, packages, tracking, carriers and review tasks',
    zh: '读取订单、包裹、物流轨迹、物流商与审核任务',
  },
  'orders:write': { en: 'Ingest and cancel orders', zh: '导入与取消订单' },
  'shipments:write': { en: 'Confirm shipments and upload pickup proofs', zh: '确认发货并上传揽收凭证' },
  'tracking:write': { en: 'Record carrier scans (logistics)', zh: '记录物流商扫描（物流）' },
  'refunds:read': {
    en: 'Read refund, return and dispute requests and their evidence',
    zh: '读取退款、退货与纠纷申请及其证据',
  },
  'refunds:write': {
    en: 'Answer refund requests, inspect returns, escalate, upload evidence',
    zh: '处理退款申请、验收退货、升级纠纷、上传证据',
  },
  'reviews:read': {
    en: 'Read buyer reviews, ratings and the negative-review tendency',
    zh: '读取买家评价、评分与差评趋势',
  },
  'reviews:write': {
    en: 'Reply to reviews; receive buyer reviews (service)',
    zh: '回复评价；接收买家评价（服务）',
  },
  'settlement:read': {
    en: 'Read balances, the ledger, releases and payouts',
    zh: '读取余额、流水、放款与提现',
  },
  'settlement:write': { en: 'Request withdrawals and quotes', zh: '申请提现与汇率报价' },
  'compliance:read': {
    en: 'Read standing, trade analysis, penalties and the risk board',
    zh: '读取店铺状态、经营分析、处罚与风险看板',
  },
  'review-tasks:decide': {
    en: 'Decide logistics proof and abnormal-logistics review tasks (operators)',
    zh: '裁定物流凭证与异常物流审核任务（运营）',
  },
  'arbitration:decide': { en: 'Decide escalated disputes (operators)', zh: '裁决升级的纠纷（运营）' },
  'settlement:operate': {
    en: 'Release held settlements and operate payouts (operators)',
    zh: '放行暂扣结算并处理提现（运营）',
  },
  'compliance:operate': {
    en: 'Rebuild analytics and record appeal outcomes (operators)',
    zh: '重建分析数据并记录申诉结果（运营）',
  },
  'audit:read': { en: 'Read the audit trail', zh: '读取审计日志' },
  'access:admin': {
    en: "Manage a seller organisation's staff and app grants",
    zh: '管理卖家组织的员工与应用授权',
  },
  'apps:manage': {
    en: 'Register partner and service apps (operators)',
    zh: '登记合作应用与服务应用（运营）',
  },
  'sandbox:clock': {
    en: 'Read and advance the sandbox clock (sandbox only)',
    zh: '读取并拨快沙箱时钟（仅沙箱）',
  },
};

export const KNOWN_SCOPES: readonly string[] = Object.keys(KNOWN);

/** GET /v1/access/scopes: what each scope opens and which kinds of app may hold it (operators). */
export type ServerScopes = Record<string, { description: string; partner: boolean; service: boolean }>;

/**
 * Whether an app of this kind may hold the scope, as the server's catalogue says; without it every
 * scope is offered and the server's SCOPE_NOT_ALLOWED names the wrong one beside the field.
 */
export function scopeAllowed(kind: string, scope: string, server?: ServerScopes): boolean {
  const known = server?.[scope];
  if (!known) return true;
  return kind === 'partner' ? known.partner : kind === 'service' ? known.service : true;
}

/** What a scope opens, in the viewer's language; the server's words for a scope the console does not know. */
export function describeScope(scope: string, lang: Lang, server?: ServerScopes): string {
  const known = KNOWN[scope];
  if (lang === 'en') return server?.[scope]?.description ?? known?.en ?? '';
  return known?.zh ?? server?.[scope]?.description ?? '';
}

/** The scopes the server offers (its catalogue, in its order); the console's own list when that cannot be read. */
export function useServerScopes(enabled: boolean): { scopes: readonly string[]; server?: ServerScopes } {
  const { loaded } = useLoad(enabled ? 'scopes' : null, (signal) =>
    api<{ scope: string; description: string; partner: boolean; service: boolean }[]>('/v1/access/scopes', {
      signal,
    }),
  );
  if (loaded.state !== 'ready') return { scopes: KNOWN_SCOPES };
  const server: ServerScopes = Object.fromEntries(loaded.data.map(({ scope, ...rest }) => [scope, rest]));
  return { scopes: loaded.data.map((s) => s.scope), server };
}
