// Closed-loop HTTP load generator, run in a worker thread so that building requests and
// parsing responses does not steal time from the app's own event loop in the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

/**
 * `concurrency` callers each take the next request (POST with a JSON body, or GET) as soon as
 * their previous one answered (keep-alive connections from Node's fetch). Stops at the end of the list or the deadline.
 */
async function run({ baseUrl, token, requests, concurrency, expectStatus, deadlineMs }) {
  if (!baseUrl.startsWith('http://127.0.0.1:')) throw new Error('load generator targets 127.0.0.1 only');
  const latencies = new Float64Array(requests.length);
  const ids = new Array(requests.length).fill(null);
  const errorSamples = [];
  let next = 0;
  let done = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + deadlineMs;
  const caller = async () => {
    while (next < requests.length && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        const { path, body, method = 'POST' } = requests[i];
        const res = await fetch(baseUrl + path, {
          method,
          headers:
            method === 'GET'
              ? { authorization: `Bearer ${token}` }
              : { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: method === 'GET' ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        if (res.status === expectStatus) ids[i] = method === 'GET' ? null : JSON.parse(text).id;
        else {
          errors += 1;
          if (errorSamples.length < 5) errorSamples.push(`${res.status} ${text.slice(0, 300)}`);
        }
      } catch (error) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(String(error));
      }
      latencies[done++] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  const elapsedMs = performance.now() - started;
  return { elapsedMs, latencies: latencies.slice(0, done), completed: done, errors, errorSamples, ids };
}

parentPort.postMessage(await run(workerData));
