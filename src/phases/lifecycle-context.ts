import type { LifecycleSettings } from '../core/config/lifecycle-settings.js';
import type { GateSettings } from '../core/config/settings.js';
import type { ChatModel } from '../core/model/chat-model.js';
import type { SpecDrafter } from '../core/spec/clarifying-question.js';
import type { GitHubClient, RepoRef } from '../github/github-client.js';

/** Structured logging, as Probot's pino logger and the Action's adapter both offer it. */
export interface EventLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
}

/** What an entry point knows of an event's repository before the repository's settings are read. */
export interface EventBase {
  client: GitHubClient;
  repo: RepoRef;
  /** `https://github.com/acme/app`, for links. */
  repoHtmlUrl: string;
  defaultBranch: string;
  drafter: SpecDrafter;
  /** The model that drafts spec.md and tasks.md, when the operator configured one (see docs/model-drafter.md). */
  model?: ChatModel;
  log: EventLog;
}

/** Everything a lifecycle phase needs besides the event itself: the base and the repository's settings. */
export interface LifecycleContext extends EventBase {
  settings: LifecycleSettings;
  gateSettings: GateSettings;
}

/** A link to a path on a branch (folder or file). */
function encodePath(...parts: string[]): string {
  return parts
    .flatMap((p) => p.split('/'))
    .filter((p) => p !== '')
    .map(encodeURIComponent)
    .join('/');
}

export function treeUrl(ctx: LifecycleContext, branch: string, path = ''): string {
  return `${ctx.repoHtmlUrl}/tree/${encodePath(branch, path)}`;
}

export function blobUrl(ctx: LifecycleContext, branch: string, path: string): string {
  return `${ctx.repoHtmlUrl}/blob/${encodePath(branch, path)}`;
}

/**
 * What a phase drafts with: the settings, the log, and the model when one is configured, the repository's `drafter`
 * is `model`, and the command did not ask for the rules alone (`deterministic`).
 */
export function draftingDeps(
  ctx: LifecycleContext,
  deterministic: boolean | undefined,
): { settings: LifecycleSettings; log: EventLog; model?: ChatModel } {
  const wanted = ctx.settings.drafter === 'model' && deterministic !== true;
  return { settings: ctx.settings, log: ctx.log, ...(wanted && ctx.model !== undefined ? { model: ctx.model } : {}) };
}
