import * as core from '@actions/core';
import { errorMessage } from '../core/errors.js';
import type { GitHubClient } from '../github/github-client.js';
import { ACTION_INPUTS, CHECKLIST_COMMENT_DEFAULT, routeEvent, type EventRoute, setOutput } from './action-io.js';
import { readActionContext, type ActionContext } from './read-action-context.js';

/** A boolean input, or its default when the workflow leaves it empty; anything but true/false is refused. */
function booleanInput(name: string, fallback: boolean): boolean {
  return core.getInput(name) === '' ? fallback : core.getBooleanInput(name);
}

/** Load the part of the Action that handles this kind of event, and run it. */
async function runRoute(
  route: Exclude<EventRoute, 'ignored'>,
  client: GitHubClient,
  context: ActionContext,
): Promise<void> {
  if (route === 'gate') {
    const { runGate } = await import('./run-gate.js');
    await runGate(client, context, booleanInput(ACTION_INPUTS.checklistComment, CHECKLIST_COMMENT_DEFAULT));
  } else if (route === 'lifecycle') {
    const { runLifecycle } = await import('./run-lifecycle.js');
    await runLifecycle(client, context);
  } else {
    const { runPullRequestClosed } = await import('./run-pull-request-closed.js');
    await runPullRequestClosed(client, context);
  }
}

/**
 * The Action: read the inputs and the event once, run the part the event calls for, present the result. Each part
 * is loaded only for its events (the bundle splits them), so an event pays the start-up of what it uses.
 */
export async function run(): Promise<void> {
  try {
    const context = readActionContext(process.env);
    const route = routeEvent(context.eventName, context.payload);
    if (route === 'ignored') {
      core.info(
        `agent-os-github has nothing to do on "${context.eventName}" events; it handles pull_request, merge_group, issues and issue_comment events.`,
      );
      return;
    }
    const token = core.getInput(ACTION_INPUTS.githubToken, { required: true });
    const { createActionClient } = await import('./create-action-client.js');
    const { client, close } = await createActionClient(token, context.apiUrl, process.env);
    try {
      await runRoute(route, client, context);
    } finally {
      close();
    }
  } catch (error) {
    setOutput('conclusion', 'failure');
    core.setFailed(errorMessage(error));
  }
}
