import * as core from '@actions/core';
import { errorMessage } from '../core/errors.js';
import type { createActionClient } from './create-action-client.js';
import type { GitHubClient } from '../github/github-client.js';
import { ACTION_INPUTS, CHECKLIST_COMMENT_DEFAULT, routeEvent, type EventRoute, setOutput } from './action-io.js';
import { readActionContext, type ActionContext } from './read-action-context.js';

/** A boolean input, or its default when the workflow leaves it empty; anything but true/false is refused. */
function booleanInput(name: string, fallback: boolean): boolean {
  return core.getInput(name) === '' ? fallback : core.getBooleanInput(name);
}

/** What a part of the Action gives: its GitHub client (built into the part, see below) and its run. */
interface ActionPart {
  createActionClient: typeof createActionClient;
  run: (client: GitHubClient, context: ActionContext) => Promise<void>;
}

/**
 * Load the part of the Action that handles this kind of event. Each part is bundled as one file with the GitHub
 * client in it (scripts/bundle-action.mjs), so an event loads that file and none of the others' code.
 */
async function loadPart(route: Exclude<EventRoute, 'ignored'>): Promise<ActionPart> {
  if (route === 'gate') {
    const part = await import('./run-gate.js');
    return {
      createActionClient: part.createActionClient,
      run: (client, context) =>
        part.runGate(client, context, booleanInput(ACTION_INPUTS.checklistComment, CHECKLIST_COMMENT_DEFAULT)),
    };
  }
  if (route === 'lifecycle') {
    const part = await import('./run-lifecycle.js');
    return { createActionClient: part.createActionClient, run: part.runLifecycle };
  }
  const part = await import('./run-pull-request-closed.js');
  return { createActionClient: part.createActionClient, run: part.runPullRequestClosed };
}

/**
 * The Action: read the inputs and the event once, run the part the event calls for, present the result. Each part
 * is loaded only for its events, so an event pays the start-up of what it uses.
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
    const part = await loadPart(route);
    const { client, close } = await part.createActionClient(token, context.apiUrl, process.env);
    try {
      await part.run(client, context);
    } finally {
      close();
    }
  } catch (error) {
    setOutput('conclusion', 'failure');
    core.setFailed(errorMessage(error));
  }
}
