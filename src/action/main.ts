import * as core from '@actions/core';
import * as github from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { DEFAULT_GATE_SETTINGS } from '../core/config/settings.js';
import { isAgentOsError } from '../core/errors.js';
import type { GitHubClient } from '../github/github-client.js';
import { gateMergeGroup, gatePullRequest, type GateOutcome } from '../phases/gate-tasks.js';
import { presentGate } from './present-gate.js';

const RETRIES_ON_RATE_LIMIT = 2;

function createClient(token: string): GitHubClient {
  return github.getOctokit(
    token,
    {
      throttle: {
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          core.warning(`Rate limited on ${options.method} ${options.url}; retrying in ${retryAfter}s.`);
          return retryCount < RETRIES_ON_RATE_LIMIT;
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          core.warning(`Secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s.`);
          return retryCount < RETRIES_ON_RATE_LIMIT;
        },
      },
    },
    retry,
    throttling,
  );
}

/** The Action: read the inputs and the event once, run the phase the event calls for, present the result. */
export async function run(): Promise<void> {
  try {
    const token = core.getInput('github-token', { required: true });
    const { eventName, payload, repo, serverUrl } = github.context;
    const settings = DEFAULT_GATE_SETTINGS;
    const repoHtmlUrl = `${serverUrl}/${repo.owner}/${repo.repo}`;
    const client = createClient(token);
    let outcome: GateOutcome | undefined;
    if ((eventName === 'pull_request' || eventName === 'pull_request_target') && payload.pull_request) {
      outcome = await gatePullRequest(client, repo, repoHtmlUrl, payload.pull_request.number, settings);
    } else if (eventName === 'merge_group' && payload.merge_group) {
      const group = payload.merge_group as { head_sha: string; base_sha: string; head_ref: string };
      outcome = await gateMergeGroup(
        client,
        repo,
        repoHtmlUrl,
        { headSha: group.head_sha, baseSha: group.base_sha, headRef: group.head_ref },
        settings,
      );
    }
    if (outcome === undefined) {
      core.info(`agent-os-github has nothing to do on "${eventName}" events; it gates pull_request and merge_group events.`);
      return;
    }
    await presentGate(outcome.report);
  } catch (error) {
    core.setOutput('conclusion', 'failure');
    core.setFailed(isAgentOsError(error) ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  }
}
