import * as core from '@actions/core';
import type { GitHubClient } from '../github/github-client.js';
import { handleIssueComment, handleIssueLabeled, type EventOutcome } from '../events/on-issue-comment.js';
import { handleIssueStateChange } from '../events/on-spec-events.js';
import { actionBase } from './action-base.js';
import type { ActionContext } from './read-action-context.js';
import { ACTION_INPUTS, setOutput } from './action-io.js';
import type { ChatModel } from '../core/model/chat-model.js';
import { MODEL_ENV } from '../model/model-endpoint.js';

/**
 * The model from the inputs `model` and `model-token` (default: the workflow's token, for GitHub Models with
 * `models: read`); AGENT_OS_MODEL_URL in the step's env names another endpoint. Loaded only when one is named.
 */
async function readModel(env: NodeJS.ProcessEnv): Promise<ChatModel | undefined> {
  const name = core.getInput(ACTION_INPUTS.model);
  if (name === '') return undefined;
  const { modelFromSettings } = await import('../model/model-from-environment.js');
  const configured = modelFromSettings({
    url: env[MODEL_ENV.url],
    model: name,
    token: core.getInput(ACTION_INPUTS.modelToken),
    fallbackToken: core.getInput(ACTION_INPUTS.githubToken),
  });
  if (configured.problem !== undefined) core.warning(`Model drafting is off: ${configured.problem}`);
  return configured.model;
}

interface IssueEventPayload {
  action: string;
  sender?: { login?: string; type?: string };
  changes?: { body?: { from?: string } };
  issue: { number: number; body?: string | null; state_reason?: string | null; pull_request?: unknown; labels?: Array<{ name?: string } | string> };
  comment?: { id: number; body?: string | null; user?: { login?: string; type?: string } | null };
  label?: { name?: string };
}

/** The lifecycle phases on `issues` and `issue_comment` events: the same handlers as the App's. */
async function handle(client: GitHubClient, context: ActionContext): Promise<EventOutcome | undefined> {
  const { eventName, runId } = context;
  const ctx = actionBase(client, context, await readModel(process.env));
  const event = context.payload as unknown as IssueEventPayload;
  const sender = { login: event.sender?.login ?? '', isBot: event.sender?.type === 'Bot' };
  const isPullRequest = event.issue.pull_request !== undefined && event.issue.pull_request !== null;
  if (eventName === 'issues' && (event.action === 'closed' || event.action === 'reopened')) {
    return handleIssueStateChange(ctx, {
      action: event.action,
      issueNumber: event.issue.number,
      body: event.issue.body ?? '',
      stateReason: event.issue.state_reason ?? null,
      sender,
      eventKey: `run-${runId}`,
    });
  }
  if (eventName === 'issues' && event.action === 'labeled') {
    return handleIssueLabeled(ctx, { issueNumber: event.issue.number, isPullRequest, label: event.label?.name ?? '', eventKey: `run-${runId}` });
  }
  if (eventName === 'issue_comment' && (event.action === 'created' || event.action === 'edited') && event.comment !== undefined) {
    return handleIssueComment(ctx, {
      action: event.action,
      issueNumber: event.issue.number,
      isPullRequest,
      labels: (event.issue.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
      comment: {
        id: event.comment.id,
        body: event.comment.body ?? '',
        author: event.comment.user?.login ?? '',
        authorIsBot: event.comment.user?.type === 'Bot',
      },
      sender,
      ...(event.changes?.body?.from === undefined ? {} : { previousBody: event.changes.body.from }),
      eventKey: `run-${runId}`,
    });
  }
  return undefined;
}

/** Run the phase an issue event calls for and report it: outputs `phase` and `status`; the job fails when it failed. */
export async function runLifecycle(client: GitHubClient, context: ActionContext): Promise<void> {
  const outcome = await handle(client, context);
  setOutput('phase', outcome?.phase ?? 'none');
  setOutput('status', outcome?.status ?? 'ignored');
  if (outcome === undefined || (outcome.phase === 'none' && outcome.status === 'ignored')) {
    core.info(`agent-os-github: nothing to do for this "${context.eventName}" event.`);
  } else if (outcome.status === 'failed') {
    core.setFailed(`${outcome.phase} failed: ${outcome.message ?? 'see the comment on the issue'}`);
  } else {
    core.info(`agent-os-github: ${outcome.phase} ${outcome.status}.`);
  }
}
