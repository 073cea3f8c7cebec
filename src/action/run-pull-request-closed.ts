import * as core from '@actions/core';
import { handleLifecycleEvent } from '../events/handle-lifecycle-event.js';
import type { GitHubClient } from '../github/github-client.js';
import { actionBase, translateActionEvent } from './action-base.js';
import type { ActionContext } from './read-action-context.js';
import { setOutput } from './action-io.js';
import { runPart } from './run-part.js';

/** A closed pull request: a merged spec is finished (roadmap ticked, issue closed), anything else is left alone. */
export async function runPullRequestClosed(client: GitHubClient, context: ActionContext): Promise<void> {
  const event = translateActionEvent(context);
  const closed =
    event?.kind === 'pull-request-closed'
      ? await handleLifecycleEvent(actionBase(client, context), event)
      : { phase: 'none', status: 'ignored' };
  setOutput('phase', closed.phase);
  setOutput('status', closed.status);
  core.info(
    closed.phase === 'none'
      ? 'agent-os-github: a closed pull request that is not a merged spec: nothing to do.'
      : `agent-os-github: ${closed.phase} ${closed.status}.`,
  );
}

/** A closed pull request as a part of the Action, run by dist/index.js on its events (src/action/main.ts). */
export function pullRequestClosedPart(context: ActionContext): Promise<void> {
  return runPart(context, runPullRequestClosed);
}
