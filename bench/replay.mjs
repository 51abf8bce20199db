// The bare-pg floor of a command (issue 9): the exact messages each request sent to PostgreSQL,
// captured while the app ran, replayed by bare pg clients on a copy of the database as it was
// before the phase, with the same concurrency. The app's rate over the replay's is how close the
// app comes to the cost of its own statements.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { withAdmin } from './lib.mjs';

const require = createRequire(import.meta.url);
// Every copy of pg the process loads (MikroORM's driver may carry its own).
const pgCopies = new Set([require('pg'), createRequire(require.resolve('@mikro-orm/postgresql'))('pg')]);

/** The sandbox clock's read, which each request makes before its request context begins. */
const CLOCK_READ = /^select now from platform\.sandbox_clock where id = 1$/;

/** Work that is no request's: the relay, the timer sweep, and the reactions to events. */
const notARequest = (requestId) =>
  requestId === 'system' || requestId === 'timers' || requestId.startsWith('event:');

/**
 * Records the messages every pg client of the process sends while `on`, grouped by the request
 * they were sent for (the app's request context; the relay's and the reactions' are not a
 * request's and are left out). Each message keeps its text and bound values, as sent on the wire
 * (after the unit of work joined held statements into one message). The sandbox clock's read
 * comes before the request's context; one is put at the head of each request's list when the
 * phase made them.
 */
export function captureRequests(dist) {
  const byRequest = new Map();
  let clockRead;
  let on = false;
  for (const copy of pgCopies) {
    const query = copy.Client.prototype.query;
    copy.Client.prototype.query = function (text, values, ...rest) {
      if (on) {
        const { requestId } = dist.platform.requestContext.current();
        const sql = typeof text === 'string' ? text : text?.text;
        if (sql && requestId === 'system' && CLOCK_READ.test(sql)) clockRead = { text: sql };
        else if (sql && !notARequest(requestId)) {
          const list = byRequest.get(requestId) ?? [];
          list.push({ text: sql, values: Array.isArray(values) ? values : (text?.values ?? undefined) });
          byRequest.set(requestId, list);
        }
      }
      return query.call(this, text, values, ...rest);
    };
  }
  return {
    start() {
      byRequest.clear();
      clockRead = undefined;
      on = true;
    },
    /** The requests' message lists, in the order the requests first sent a message. */
    stop() {
      on = false;
      return [...byRequest.values()].map((messages) => (clockRead ? [clockRead, ...messages] : messages));
    },
  };
}

/** A copy of the database (it must have no connections: close the app first); returns its URL. */
export async function snapshotDatabase(databaseUrl, suffix) {
  const source = new URL(databaseUrl).pathname.slice(1);
  const name = `${source}_${suffix}`;
  await withAdmin((c) => c.query(`create database ${name} template ${source}`));
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Replays the requests' messages with `concurrency` bare pg clients, each taking the next request
 * and sending its messages one after another, as the app's callers did. Returns the same shape as
 * httpLoad (completed requests, latencies, errors).
 */
export async function replayRequests(databaseUrl, requests, concurrency, deadlineMs) {
  const clients = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      return c;
    }),
  );
  const latencies = new Float64Array(requests.length);
  const errorSamples = [];
  let next = 0;
  let done = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + deadlineMs;
  await Promise.all(
    clients.map(async (c) => {
      while (next < requests.length && performance.now() < deadline) {
        const messages = requests[next++];
        const t0 = performance.now();
        try {
          for (const { text, values } of messages) await c.query(text, values);
        } catch (error) {
          errors += 1;
          if (errorSamples.length < 5) errorSamples.push(String(error));
          // A transaction the failure left open must not swallow the next request's statements.
          await c.query('rollback').catch(() => undefined);
        }
        latencies[done++] = performance.now() - t0;
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  await Promise.all(clients.map((c) => c.end()));
  return { elapsedMs, latencies: latencies.slice(0, done), completed: done, errors, errorSamples };
}

/** Messages per request, for the report. */
export const messagesPerRequest = (requests) =>
  requests.reduce((n, messages) => n + messages.length, 0) / Math.max(1, requests.length);
