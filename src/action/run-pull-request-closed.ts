import * as core from '@actions/core';
import type { GitHubClient } from '../github/github-client.js';
import { handlePullRequestClosed } from '../events/on-spec-events.js';
import { actionBase } from './action-base.js';
import type { ActionContext } from './read-action-context.js';
import { setOutput } from './action-io.js';

interface ClosedPullRequest {
  number: number;
  merged?: boolean;
  html_url: string;
  head: { ref: string; repo?: { full_name?: string } | null };
}

/** A closed pull request: a merged spec is finished (roadmap ticked, issue closed), anything else is left alone. */
export async function runPullRequestClosed(client: GitHubClient, context: ActionContext): Promise<void> {
  const pull = context.payload.pull_request as ClosedPullRequest;
  const { repo } = context;
  const closed = await handlePullRequestClosed(actionBase(client, context), {
    number: pull.number,
    headRef: pull.head.ref,
    headInRepository: pull.head.repo?.full_name === `${repo.owner}/${repo.repo}`,
    merged: pull.merged === true,
    htmlUrl: pull.html_url,
  });
  setOutput('phase', closed.phase);
  setOutput('status', closed.status);
  core.info(
    closed.phase === 'none' ? 'agent-os-github: a closed pull request that is not a merged spec: nothing to do.' : `agent-os-github: ${closed.phase} ${closed.status}.`,
  );
}
