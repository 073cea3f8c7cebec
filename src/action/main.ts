import * as core from '@actions/core';
import * as github from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { deterministicDrafter } from '../core/spec/deterministic-drafter.js';
import { isAgentOsError } from '../core/errors.js';
import type { GitHubClient } from '../github/github-client.js';
import { gateMergeGroup, gatePullRequest, type GateOutcome } from '../phases/gate-tasks.js';
import { handleIssueComment, handleIssueLabeled, type EventOutcome } from '../phases/handle-issue-events.js';
import { followGate, handleIssueStateChange, handlePullRequestClosed } from '../phases/handle-spec-events.js';
import type { EventBase } from '../phases/lifecycle-context.js';
import { loadSettings } from '../phases/load-settings.js';
import { syncChecklist } from '../phases/sync-checklist.js';
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

interface IssueCommentPayload {
  action: string;
  sender?: { login?: string; type?: string };
  changes?: { body?: { from?: string } };
  issue: { number: number; pull_request?: unknown; labels?: Array<{ name?: string } | string> };
  comment: { id: number; body?: string | null; user?: { login?: string; type?: string } | null };
  label?: { name?: string };
}

const actionLog = {
  info: (data: object, message: string) => {
    core.info(`${message} ${JSON.stringify(data)}`);
  },
  warn: (data: object, message: string) => {
    core.warning(`${message} ${JSON.stringify(data, (key, value: unknown) => (key === 'err' && value instanceof Error ? value.message : value))}`);
  },
};

/** What the phases need of the run's repository, before its settings are read. */
function actionBase(client: GitHubClient, repoHtmlUrl: string): EventBase {
  const { payload, repo } = github.context;
  return {
    client,
    repo,
    repoHtmlUrl,
    defaultBranch: (payload.repository as { default_branch?: string } | undefined)?.default_branch ?? 'main',
    drafter: deterministicDrafter,
    log: actionLog,
  };
}

/** The lifecycle phases on `issues` and `issue_comment` events: the same handlers as the App's. */
async function runLifecycle(client: GitHubClient, eventName: string, repoHtmlUrl: string): Promise<EventOutcome | undefined> {
  const { payload, runId } = github.context;
  const ctx = actionBase(client, repoHtmlUrl);
  const event = payload as unknown as IssueCommentPayload;
  const labels = (event.issue.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? '')));
  const isPullRequest = event.issue.pull_request !== undefined && event.issue.pull_request !== null;
  if (eventName === 'issues' && (event.action === 'closed' || event.action === 'reopened')) {
    const issue = payload.issue as { number: number; body?: string | null; state_reason?: string | null };
    return handleIssueStateChange(ctx, {
      action: event.action,
      issueNumber: issue.number,
      body: issue.body ?? '',
      stateReason: issue.state_reason ?? null,
      sender: { login: event.sender?.login ?? '', isBot: event.sender?.type === 'Bot' },
      eventKey: `run-${runId}`,
    });
  }
  if (eventName === 'issues' && event.action === 'labeled') {
    return handleIssueLabeled(ctx, { issueNumber: event.issue.number, isPullRequest, label: event.label?.name ?? '', eventKey: `run-${runId}` });
  }
  if (eventName === 'issue_comment' && (event.action === 'created' || event.action === 'edited')) {
    return handleIssueComment(ctx, {
      action: event.action,
      issueNumber: event.issue.number,
      isPullRequest,
      labels,
      comment: {
        id: event.comment.id,
        body: event.comment.body ?? '',
        author: event.comment.user?.login ?? '',
        authorIsBot: event.comment.user?.type === 'Bot',
      },
      sender: { login: event.sender?.login ?? '', isBot: event.sender?.type === 'Bot' },
      ...(event.changes?.body?.from === undefined ? {} : { previousBody: event.changes.body.from }),
      eventKey: `run-${runId}`,
    });
  }
  return undefined;
}

/** The Action: read the inputs and the event once, run the phase the event calls for, present the result. */
export async function run(): Promise<void> {
  try {
    const token = core.getInput('github-token', { required: true });
    const { eventName, payload, repo, serverUrl } = github.context;
    const repoHtmlUrl = `${serverUrl}/${repo.owner}/${repo.repo}`;
    const client = createClient(token);
    if ((eventName === 'issues' || eventName === 'issue_comment') && payload.issue) {
      const lifecycle = await runLifecycle(client, eventName, repoHtmlUrl);
      core.setOutput('phase', lifecycle?.phase ?? 'none');
      core.setOutput('status', lifecycle?.status ?? 'ignored');
      if (lifecycle === undefined || (lifecycle.phase === 'none' && lifecycle.status === 'ignored')) {
        core.info(`agent-os-github: nothing to do for this "${eventName}" event.`);
      } else if (lifecycle.status === 'failed') {
        core.setFailed(`${lifecycle.phase} failed: ${lifecycle.message ?? 'see the comment on the issue'}`);
      } else {
        core.info(`agent-os-github: ${lifecycle.phase} ${lifecycle.status}.`);
      }
      return;
    }
    const pull = payload.pull_request as
      | { number: number; merged?: boolean; html_url: string; head: { ref: string; repo?: { full_name?: string } | null } }
      | undefined;
    const headInRepository = pull?.head.repo?.full_name === `${repo.owner}/${repo.repo}`;
    if ((eventName === 'pull_request' || eventName === 'pull_request_target') && payload.action === 'closed' && pull) {
      const closed = await handlePullRequestClosed(actionBase(client, repoHtmlUrl), {
        number: pull.number,
        headRef: pull.head.ref,
        headInRepository,
        merged: pull.merged === true,
        htmlUrl: pull.html_url,
      });
      core.setOutput('phase', closed.phase);
      core.setOutput('status', closed.status);
      core.info(closed.phase === 'none' ? 'agent-os-github: a closed pull request that is not a merged spec: nothing to do.' : `agent-os-github: ${closed.phase} ${closed.status}.`);
      return;
    }
    let outcome: GateOutcome | undefined;
    const isGated =
      ((eventName === 'pull_request' || eventName === 'pull_request_target') && payload.pull_request !== undefined) ||
      (eventName === 'merge_group' && payload.merge_group !== undefined);
    const allSettings = isGated ? await loadSettings(client, repo) : undefined;
    const settings = allSettings?.gate;
    if ((eventName === 'pull_request' || eventName === 'pull_request_target') && pull && allSettings && settings) {
      outcome = await gatePullRequest(client, repo, repoHtmlUrl, pull.number, settings);
      if (core.getInput('checklist-comment') === '' || core.getBooleanInput('checklist-comment')) {
        try {
          await syncChecklist({ client, repo, repoHtmlUrl, pullRequest: pull.number }, outcome);
        } catch (error) {
          core.warning(
            `Could not update the checklist comment (${isAgentOsError(error) ? error.message : String(error)}). Give the workflow \`pull-requests: write\`, or set \`checklist-comment: false\`.`,
          );
        }
      }
      const ctx = { ...actionBase(client, repoHtmlUrl), settings: allSettings.lifecycle, gateSettings: settings };
      await followGate(ctx, { number: pull.number, head: { ref: pull.head.ref, inRepository: headInRepository } }, outcome);
    } else if (eventName === 'merge_group' && payload.merge_group && settings) {
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
      core.info(`agent-os-github has nothing to do on "${eventName}" events; it handles pull_request, merge_group, issues and issue_comment events.`);
      return;
    }
    await presentGate(outcome.report);
  } catch (error) {
    core.setOutput('conclusion', 'failure');
    core.setFailed(isAgentOsError(error) ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  }
}
