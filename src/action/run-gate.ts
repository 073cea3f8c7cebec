import * as core from '@actions/core';
import { isAgentOsError } from '../core/errors.js';
import { followPullRequestGate, gateMergeGroupEvent, gatePullRequestEvent } from '../events/on-pull-request.js';
import type { GitHubClient } from '../github/github-client.js';
import { syncChecklist } from '../phases/sync-checklist.js';
import { actionBase, translateActionEvent } from './action-base.js';
import type { ActionContext } from './read-action-context.js';
import { presentGate } from './present-gate.js';
import { ACTION_INPUTS, booleanInput, CHECKLIST_COMMENT_DEFAULT } from './action-io.js';
import { runPart } from './run-part.js';

/**
 * The gate on `pull_request`, `pull_request_target` and `merge_group` events: the job fails while required tasks
 * are open. On a pull request it also keeps the checklist comment and does the spec follow-ups the App does.
 */
export async function runGate(client: GitHubClient, context: ActionContext, checklistComment: boolean): Promise<void> {
  const base = actionBase(client, context);
  const event = translateActionEvent(context);
  if (event?.kind === 'merge-group') {
    presentGate((await gateMergeGroupEvent(base, event)).report);
    return;
  }
  if (event?.kind !== 'pull-request') return;
  // The payload is not trusted for the head and description: the Action's client keeps no memory to compare with.
  const gated = await gatePullRequestEvent(base, event, { trustPayload: false });
  if (checklistComment) {
    try {
      await syncChecklist(
        { client, repo: base.repo, repoHtmlUrl: base.repoHtmlUrl, pullRequest: event.number },
        gated.gate,
      );
    } catch (error) {
      core.warning(
        `Could not update the checklist comment (${isAgentOsError(error) ? error.message : String(error)}). Give the workflow \`pull-requests: write\`, or set \`checklist-comment: false\`.`,
      );
    }
  }
  await followPullRequestGate(gated, event);
  presentGate(gated.gate.report);
}

/** The gate as a part of the Action, run by dist/index.js on its events (src/action/main.ts). */
export function gatePart(context: ActionContext): Promise<void> {
  return runPart(context, (client) =>
    runGate(client, context, booleanInput(ACTION_INPUTS.checklistComment, CHECKLIST_COMMENT_DEFAULT)),
  );
}
