import type { ChatModel } from '../core/model/chat-model.js';
import { deterministicDrafter } from '../core/spec/deterministic-drafter.js';
import type { GitHubClient } from '../github/github-client.js';
import type { AgentOsEvent } from '../events/event-types.js';
import { translatePayload } from '../events/translate-payload.js';
import type { EventBase } from '../phases/lifecycle-context.js';
import { actionLog } from './create-action-client.js';
import type { ActionContext } from './read-action-context.js';

/** What the phases need of the run's repository, before its settings are read. */
export function actionBase(client: GitHubClient, context: ActionContext, model?: ChatModel): EventBase {
  const repository = context.payload.repository as { default_branch?: string } | undefined;
  return {
    client,
    repo: context.repo,
    repoHtmlUrl: `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}`,
    defaultBranch: repository?.default_branch ?? 'main',
    drafter: deterministicDrafter,
    ...(model === undefined ? {} : { model }),
    log: actionLog,
  };
}

/** The run's event as our event object (its key: the run, so a re-run of the job is the same event). */
export function translateActionEvent(context: ActionContext): AgentOsEvent | undefined {
  const { repo } = context;
  return translatePayload({
    name: context.eventName,
    payload: context.payload,
    eventKey: `run-${context.runId}`,
    repository: `${repo.owner}/${repo.repo}`,
  });
}
