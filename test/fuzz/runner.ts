import { bodyOf, pathOf, queryOf, Resolve } from './encode';
import { OpenApiDocument } from './openapi';
import { AuthKind, FuzzRequest } from './request';
import { generateRequest } from './requests';
import { Known } from './values';

const PROBLEM = 'application/problem+json';

export interface FuzzOptions {
  doc: OpenApiDocument;
  baseUrl: string;
  /** The Authorization header for each kind of caller; absent or null sends none. */
  authorization: Partial<Record<AuthKind, string | null>>;
  seed: number;
  count: number;
  /** Ids (by what they identify) and cursors (by list) that exist before the run. */
  known?: { ids: Record<string, string[]>; cursors: Record<string, string[]> };
  timeoutMs?: number;
  onProgress?: (done: number, report: FuzzReport) => void;
}

export interface FuzzFailure {
  index: number;
  operation: string;
  request: string;
  auth: AuthKind;
  contentType: string | null;
  notes: string[];
  status: number | null;
  reason: string;
  response: string;
}

export interface FuzzReport {
  seed: number;
  count: number;
  durationMs: number;
  byStatus: Record<string, number>;
  /** Per operation: how often each status (with the problem code of a 4xx) came back. */
  byOperation: Record<string, Record<string, number>>;
  failures: FuzzFailure[];
}

/**
 * Sends `count` generated requests one after another and checks every answer: never a 5xx
 * (nor no answer at all), and every 4xx an RFC 9457 problem whose status matches. Ids and
 * cursors from successful answers are remembered for later requests to use.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const pools = new Pools(options.known);
  const report: FuzzReport = {
    seed: options.seed,
    count: options.count,
    durationMs: 0,
    byStatus: {},
    byOperation: {},
    failures: [],
  };
  const started = performance.now();
  for (let index = 0; index < options.count; index++) {
    const request = generateRequest(options.doc, options.seed, index);
    const outcome = await send(request, options, pools.resolverFor(request.operation));
    const status = outcome.status === null ? 'no answer' : String(outcome.status);
    report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
    const perOperation = (report.byOperation[request.operation] ??= {});
    const outcomeKey = `${status}${problemCode(outcome)}`;
    perOperation[outcomeKey] = (perOperation[outcomeKey] ?? 0) + 1;
    const reason = judge(outcome);
    if (reason) report.failures.push(failure(request, outcome, reason));
    else if (outcome.status !== null && outcome.status < 300) pools.harvest(request.operation, outcome.body);
    if ((index + 1) % 1000 === 0) options.onProgress?.(index + 1, report);
  }
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FALLBACK_ID = '01a2157a-c8bc-764f-b248-09937b0aaf66';

/**
 * Ids by what they identify (`orderId`, `packageId`, `taskId`) and cursors by the list that
 * issued them, taken from successful answers, for later requests to point at real things.
 */
class Pools {
  private readonly ids = new Map<string, string[]>();
  private readonly cursors = new Map<string, string[]>();

  constructor(known: FuzzOptions['known']) {
    for (const [of, ids] of Object.entries(known?.ids ?? {}))
      for (const id of ids) this.add(this.ids, of, id);
    for (const [list, cursors] of Object.entries(known?.cursors ?? {}))
      for (const cursor of cursors) this.add(this.cursors, list, cursor);
  }

  resolverFor(operation: string): Resolve {
    const list = listOf(operation);
    return (known: Known) => {
      if (known.kind === 'cursor')
        return pick(this.cursors.get(list) ?? all(this.cursors), known.index) ?? 'bm9wZQ';
      return pick(this.ids.get(known.of ?? '') ?? all(this.ids), known.index) ?? FALLBACK_ID;
    };
  }

  /** Remembers the ids (any `…id` field holding a UUID) and cursors an answer reveals. */
  harvest(operation: string, text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return;
    }
    const stack: { value: unknown; parent: string; depth: number }[] = [{ value, parent: '', depth: 0 }];
    while (stack.length > 0) {
      const { value: current, parent, depth } = stack.pop()!;
      if (depth > 6 || typeof current !== 'object' || current === null) continue;
      for (const [key, item] of Object.entries(current)) {
        if (typeof item === 'string' && /id$/i.test(key) && UUID.test(item)) {
          const of = key === 'id' ? idKindOf(operation, parent) : key;
          if (of) this.add(this.ids, of, item);
        } else if (key === 'nextCursor' && typeof item === 'string') {
          this.add(this.cursors, listOf(operation), item);
        } else {
          stack.push({ value: item, parent: Array.isArray(current) ? parent : key, depth: depth + 1 });
        }
      }
    }
  }

  private add(pools: Map<string, string[]>, key: string, value: string): void {
    const pool = pools.get(key) ?? [];
    pools.set(key, pool);
    if (pool.includes(value)) return;
    pool.push(value);
    if (pool.length > 100) pool.shift();
  }
}

/** What a bare `id` in an answer identifies: by the object holding it, else by the path asked. */
function idKindOf(operation: string, parent: string): string | null {
  if (parent === 'package' || parent === 'packages') return 'packageId';
  if (/\/(review-tasks|proofs)/.test(operation)) return 'taskId';
  if (/\/(packages|shipments)/.test(operation)) return 'packageId';
  if (/\/orders/.test(operation)) return 'orderId';
  return null;
}

/** `GET /v1/orders` → `/v1/orders`: cursors belong to the list that issued them. */
function listOf(operation: string): string {
  return operation.split(' ')[1] ?? '';
}

function pick(pool: string[] | undefined, index: number): string | undefined {
  return pool && pool.length > 0 ? pool[index % pool.length] : undefined;
}

function all(pools: Map<string, string[]>): string[] {
  return [...pools.values()].flat();
}

interface Outcome {
  url: string;
  status: number | null;
  contentType: string;
  body: string;
  error?: string;
}

async function send(request: FuzzRequest, options: FuzzOptions, resolve: Resolve): Promise<Outcome> {
  const url = `${options.baseUrl}${pathOf(request.segments, resolve)}${queryOf(request.query, resolve)}`;
  const headers: Record<string, string> = { ...request.headers };
  const authorization = options.authorization[request.auth];
  if (authorization) headers.authorization = authorization;
  let body: Buffer | undefined;
  if (request.body) {
    const encoded = bodyOf(request.body, resolve);
    body = encoded.bytes;
    const type = encoded.multipartType ?? request.contentType;
    if (type !== null) headers['content-type'] = type;
  }
  try {
    const response = await fetch(url, {
      method: request.method,
      headers,
      body: body as BodyInit | undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    return {
      url,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  } catch (error) {
    return { url, status: null, contentType: '', body: '', error: String((error as Error)?.cause ?? error) };
  }
}

/** ` CODE` of a problem answer, so the report shows which rules the requests reached. */
function problemCode(outcome: Outcome): string {
  if (!outcome.contentType.includes(PROBLEM)) return '';
  try {
    const code = (JSON.parse(outcome.body) as { code?: unknown }).code;
    return typeof code === 'string' ? ` ${code}` : '';
  } catch {
    return '';
  }
}

/** Why an answer is wrong, or null when it is fine. */
function judge(outcome: Outcome): string | null {
  if (outcome.status === null) return `no answer: ${outcome.error}`;
  if (outcome.status >= 500) return 'server error';
  if (outcome.status < 400) return null;
  if (!outcome.contentType.includes(PROBLEM)) return `4xx as ${outcome.contentType || 'no content type'}`;
  try {
    const problem = JSON.parse(outcome.body) as { status?: unknown };
    return problem.status === outcome.status ? null : 'problem status differs from the HTTP status';
  } catch {
    return '4xx problem body is not JSON';
  }
}

function failure(request: FuzzRequest, outcome: Outcome, reason: string): FuzzFailure {
  return {
    index: request.index,
    operation: request.operation,
    request: `${request.method} ${clip(outcome.url, 300)}`,
    auth: request.auth,
    contentType: request.contentType,
    notes: request.notes,
    status: outcome.status,
    reason,
    response: clip(outcome.body, 500),
  };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…(${text.length})` : text;
}
