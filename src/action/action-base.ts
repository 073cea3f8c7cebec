import type { ChatModel } from '../core/model/chat-model.js';
import { deterministicDrafter } from '../core/spec/deterministic-drafter.js';
import type { GitHubClient } from '../github/github-client.js';
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
