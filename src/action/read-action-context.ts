import { existsSync, readFileSync } from 'node:fs';
import { AgentOsError } from '../core/errors.js';
import type { RepoRef } from '../github/github-client.js';

/** What a runner tells the Action about its run, read once from the environment and the event file. */
export interface ActionContext {
  eventName: string;
  payload: Record<string, unknown>;
  repo: RepoRef;
  /** `https://github.com` (or the Enterprise Server's address), for links. */
  serverUrl: string;
  apiUrl: string;
  runId: string;
}

/**
 * The run's context, as `@actions/github`'s `context` reads it, without loading a GitHub client: an event the
 * Action ignores costs no more than reading this.
 */
export function readActionContext(env: NodeJS.ProcessEnv): ActionContext {
  const eventPath = env.GITHUB_EVENT_PATH;
  let payload: Record<string, unknown> = {};
  if (eventPath !== undefined && eventPath !== '' && existsSync(eventPath)) {
    payload = JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>;
  }
  const repository = payload.repository as { name?: string; owner?: { login?: string } } | undefined;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? `${repository?.owner?.login ?? ''}/${repository?.name ?? ''}`).split(
    '/',
  );
  if (owner === undefined || owner === '' || repo === undefined || repo === '') {
    throw new AgentOsError(
      'user-input',
      'GITHUB_REPOSITORY is not set (expected "owner/repo"): run the Action in a GitHub Actions workflow.',
    );
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    repo: { owner, repo },
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    runId: env.GITHUB_RUN_ID ?? '',
  };
}
