import type { Context } from 'probot';
import type { ChatModel } from '../core/model/chat-model.js';
import { deterministicDrafter } from '../core/spec/deterministic-drafter.js';
import type { RepoRef } from '../github/github-client.js';
import type { EventOutcome } from '../events/event-types.js';
import type { EventBase } from '../phases/lifecycle-context.js';

// What the App's handlers take from a webhook's context: the repository, a logger, the phases' base.

export function repoOf(repository: { name: string; owner: { login: string } }): RepoRef {
  return { owner: repository.owner.login, repo: repository.name };
}

export interface RepositoryPayload {
  name: string;
  owner: { login: string };
  html_url: string;
  default_branch: string;
}

/** Probot's logger for the event (it carries the delivery id) with the repository and the event's name. */
export function eventLog(context: Context, repository: { full_name: string }, phase: string): Context['log'] {
  return context.log.child({
    repository: repository.full_name,
    event: `${context.name}.${(context.payload as { action?: string }).action ?? ''}`,
    phase,
  });
}

export function eventBase(
  context: Context,
  repository: RepositoryPayload & { full_name: string },
  model?: ChatModel,
): EventBase {
  return {
    client: context.octokit,
    repo: repoOf(repository),
    repoHtmlUrl: repository.html_url,
    defaultBranch: repository.default_branch,
    drafter: deterministicDrafter,
    ...(model === undefined ? {} : { model }),
    log: eventLog(context, repository, 'lifecycle'),
  };
}

export function logOutcome(context: Context, outcome: EventOutcome): void {
  if (outcome.phase === 'none' && outcome.status === 'ignored') return;
  context.log.info({ phase: outcome.phase, status: outcome.status }, `${outcome.phase}: ${outcome.status}`);
}
