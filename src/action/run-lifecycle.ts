import * as core from '@actions/core';
import type { GitHubClient } from '../github/github-client.js';
import type { EventOutcome } from '../events/event-types.js';
import { handleLifecycleEvent } from '../events/handle-lifecycle-event.js';
import { actionBase, translateActionEvent } from './action-base.js';
import type { ActionContext } from './read-action-context.js';
import { ACTION_INPUTS, setOutput } from './action-io.js';
import type { ChatModel } from '../core/model/chat-model.js';
import { MODEL_ENV } from '../model/model-endpoint.js';
import { runPart } from './run-part.js';

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

/** The lifecycle phases on `issues` and `issue_comment` events: the same handlers as the App's. */
async function handle(client: GitHubClient, context: ActionContext): Promise<EventOutcome | undefined> {
  const base = actionBase(client, context, await readModel(process.env));
  const event = translateActionEvent(context);
  if (event?.kind !== 'issue-labeled' && event?.kind !== 'issue-comment' && event?.kind !== 'issue-state')
    return undefined;
  return handleLifecycleEvent(base, event);
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

/** The lifecycle as a part of the Action, run by dist/index.js on its events (src/action/main.ts). */
export function lifecyclePart(context: ActionContext): Promise<void> {
  return runPart(context, runLifecycle);
}
