import nock from 'nock';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FakeGitHub } from '../../support/fake-github/fake-github.js';

/** One request as the fake GitHub saw it: when it arrived and when its answer was sent (performance.now(), ms). */
export interface TimedRequest {
  method: string;
  path: string;
  status: number;
  start: number;
  end: number;
}

export interface TimedBinding {
  /** Every request since the binding was made, in the order they were answered. */
  readonly requests: TimedRequest[];
  /** Simulated round-trip time added before each answer (0: answer at once). Changeable between runs. */
  latencyMs: number;
}

const TOKEN_PATH = /^\/app\/installations\/\d+\/access_tokens$/;

/** Whether a request is the installation-token exchange (Probot's, not the App's own work). */
export function isTokenRequest(request: TimedRequest): boolean {
  return TOKEN_PATH.test(request.path);
}

/**
 * Answer every request to api.github.com from the fake (through nock, which sees Probot's fetch), recording when
 * each arrived and was answered. A simulated latency keeps concurrent requests overlapping, so the round-trips
 * that must follow one another can be told from those sent together.
 */
export function bindTimedToNock(fake: FakeGitHub, latencyMs = 0, origin = 'https://api.github.com'): TimedBinding {
  const binding: TimedBinding = { requests: [], latencyMs };
  const scope = nock(origin).persist();
  for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
    scope[method](/.*/).reply(async function (uri, body) {
      const start = performance.now();
      const url = new URL(uri, origin);
      const parsed: unknown = typeof body === 'string' ? (body === '' ? undefined : JSON.parse(body)) : body;
      const path = decodeURIComponent(url.pathname);
      const response = fake.handle({
        method: method.toUpperCase(),
        path,
        query: url.searchParams,
        headers: this.req.headers,
        body: parsed,
      });
      if (binding.latencyMs > 0) await sleep(binding.latencyMs);
      binding.requests.push({
        method: method.toUpperCase(),
        path,
        status: response.status,
        start,
        end: performance.now(),
      });
      return [response.status, response.body ?? '', response.headers ?? {}];
    });
  }
  return binding;
}

/**
 * The longest chain of requests in which each starts only after the one before it was answered: the number of
 * sequential round-trips, which with real network latency sets how long the operation takes.
 */
export function criticalPath(requests: readonly TimedRequest[]): number {
  const byStart = [...requests].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  byStart.forEach((request, i) => {
    let before = 0;
    for (let j = 0; j < i; j += 1)
      if ((byStart[j]?.end ?? Infinity) <= request.start) before = Math.max(before, depth[j] ?? 0);
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}
