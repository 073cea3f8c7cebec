import * as core from '@actions/core';
import { isAgentOsError } from '../core/errors.js';
import type { GitHubClient } from '../github/github-client.js';
import { followGate } from '../phases/follow-gate.js';
import { gateMergeGroup, gatePullRequest } from '../phases/gate-tasks.js';
import { loadSettings } from '../phases/load-settings.js';
import { syncChecklist } from '../phases/sync-checklist.js';
import { actionBase } from './action-base.js';
import type { ActionContext } from './read-action-context.js';
import { presentGate } from './present-gate.js';

interface PullRequestPayload {
  number: number;
  head: { ref: string; repo?: { full_name?: string } | null };
}

/**
 * The gate on `pull_request`, `pull_request_target` and `merge_group` events: the job fails while required tasks
 * are open. On a pull request it also keeps the checklist comment and does the spec follow-ups the App does.
 */
export async function runGate(client: GitHubClient, context: ActionContext, checklistComment: boolean): Promise<void> {
  const { payload, repo } = context;
  const base = actionBase(client, context);
  const settings = await loadSettings(client, repo);
  const pull = payload.pull_request as PullRequestPayload | undefined;
  if (pull !== undefined) {
    const outcome = await gatePullRequest(client, repo, base.repoHtmlUrl, pull.number, settings.gate);
    if (checklistComment) {
      try {
        await syncChecklist({ client, repo, repoHtmlUrl: base.repoHtmlUrl, pullRequest: pull.number }, outcome);
      } catch (error) {
        core.warning(
          `Could not update the checklist comment (${isAgentOsError(error) ? error.message : String(error)}). Give the workflow \`pull-requests: write\`, or set \`checklist-comment: false\`.`,
        );
      }
    }
    const inRepository = pull.head.repo?.full_name === `${repo.owner}/${repo.repo}`;
    const ctx = { ...base, settings: settings.lifecycle, gateSettings: settings.gate };
    await followGate(ctx, { number: pull.number, head: { ref: pull.head.ref, inRepository } }, outcome);
    await presentGate(outcome.report);
    return;
  }
  const group = payload.merge_group as { head_sha: string; base_sha: string; head_ref: string };
  const outcome = await gateMergeGroup(client, repo, base.repoHtmlUrl, { headSha: group.head_sha, baseSha: group.base_sha, headRef: group.head_ref }, settings.gate);
  await presentGate(outcome.report);
}
