import * as core from '@actions/core';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { AgentOsError } from '../core/errors.js';
import type { GitHubClient } from '../github/github-client.js';
import { createNodeHttpFetch } from './node-http-fetch.js';

const RETRIES_ON_RATE_LIMIT = 2;

type LimitHandler = (
  retryAfter: number,
  options: { method: string; url: string },
  octokit: unknown,
  retryCount: number,
) => boolean;

function onLimit(what: string): LimitHandler {
  return (retryAfter, options, _octokit, retryCount) => {
    core.warning(`${what} on ${options.method} ${options.url}; retrying in ${retryAfter}s.`);
    return retryCount < RETRIES_ON_RATE_LIMIT;
  };
}

const handlers = { onRateLimit: onLimit('Rate limited'), onSecondaryRateLimit: onLimit('Secondary rate limit') };

/** Names the minimum gap between two writes, in milliseconds, for a GitHub without rate limits (docs/action.md). */
export const WRITE_PACING_ENV = 'AGENT_OS_WRITE_PACING_MS';

/**
 * The throttling plugin's options. By default writes are paced as GitHub advises against its secondary rate limits
 * (a write a second, a notifying write every three seconds). `AGENT_OS_WRITE_PACING_MS` sets both gaps, for a
 * local or fake GitHub that has no rate limits (the tests' fake GitHub); everything else (the rate-limit handlers,
 * retries) stays as in production.
 */
export function throttleOptions(env: NodeJS.ProcessEnv): ThrottlingOptions {
  const raw = env[WRITE_PACING_ENV];
  if (raw === undefined || raw === '') return handlers;
  const gap = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(gap)) {
    throw new AgentOsError(
      'user-input',
      `${WRITE_PACING_ENV} must be a whole number of milliseconds (0 or more), got "${raw}". Unset it to pace writes as GitHub advises.`,
    );
  }
  const paced = (id: string) => new Bottleneck.Group({ id, maxConcurrent: 1, minTime: gap });
  return { ...handlers, write: paced('octokit-write'), notifications: paced('octokit-notifications') };
}

/** A proxy the runner is configured with (self-hosted runners behind one set these). */
function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return [env.https_proxy, env.HTTPS_PROXY, env.http_proxy, env.HTTP_PROXY].some((v) => v !== undefined && v !== '');
}

/**
 * The Action's GitHub client: retrying and throttled, as Probot's is, over `node:http(s)`; behind a proxy,
 * `@actions/github`'s client (which routes through the proxy and honours `no_proxy`) is loaded instead.
 * `close()` ends its kept-alive connections.
 */
export async function createActionClient(
  token: string,
  apiUrl: string,
  env: NodeJS.ProcessEnv,
): Promise<{ client: GitHubClient; close: () => void }> {
  const throttle = throttleOptions(env);
  if (proxyConfigured(env)) {
    const github = await import('@actions/github');
    return {
      client: github.getOctokit(token, { baseUrl: apiUrl, throttle }, retry, throttling),
      close: () => undefined,
    };
  }
  const http = createNodeHttpFetch();
  const ActionOctokit = Octokit.plugin(paginateRest, retry, throttling);
  const client = new ActionOctokit({
    auth: `token ${token}`,
    baseUrl: apiUrl,
    userAgent: 'agent-os-github-action',
    throttle,
    request: { fetch: http.fetch },
  });
  return { client: client as unknown as GitHubClient, close: http.close };
}

/** The phases' structured log, as workflow log lines. */
export const actionLog = {
  info: (data: object, message: string) => {
    core.info(`${message} ${JSON.stringify(data)}`);
  },
  warn: (data: object, message: string) => {
    core.warning(
      `${message} ${JSON.stringify(data, (key, value: unknown) => (key === 'err' && value instanceof Error ? value.message : value))}`,
    );
  },
};
