import type { Settings } from '../core/config/parse-config.js';
import { followGate } from '../phases/follow-gate.js';
import { gateMergeGroup, gatePullRequest, type GateOutcome } from '../phases/gate-tasks.js';
import type { EventBase, LifecycleContext } from '../phases/lifecycle-context.js';
import { loadSettings } from '../phases/load-settings.js';
import type { MergeGroupEvent, PullRequestEvent } from './event-types.js';

// The gate's events: a pull request, a merge queue entry, a pull request gated again. The App reports the gate as
// a check run, the Action as annotations and the job's result; both gate and follow up the same way.

export interface GatedPullRequest {
  ctx: LifecycleContext;
  gate: GateOutcome;
}

/**
 * Gate a pull request event's head with the repository's settings. With `trustPayload` (the App, whose client
 * remembers what it has seen) the payload's head and description are used where they are current.
 */
export async function gatePullRequestEvent(
  base: EventBase,
  event: PullRequestEvent,
  options: { trustPayload: boolean },
): Promise<GatedPullRequest> {
  const settings = await loadSettings(base.client, base.repo);
  const payload = {
    headSha: event.head.sha,
    body: event.body,
    updatedAt: event.updatedAt,
    headJustMoved: event.action === 'synchronize' || event.action === 'opened',
  };
  const gate = await gatePullRequest(
    base.client,
    base.repo,
    base.repoHtmlUrl,
    event.number,
    settings.gate,
    options.trustPayload ? payload : undefined,
  );
  return { ctx: contextWith(base, settings), gate };
}

/** The spec follow-ups of a gated pull request (verification, the hand-off, sub-issues ticked). */
export async function followPullRequestGate(gated: GatedPullRequest, event: PullRequestEvent): Promise<void> {
  await followGate(
    gated.ctx,
    { number: event.number, head: { ref: event.head.ref, inRepository: event.head.inRepository } },
    gated.gate,
  );
}

/** Gate a pull request by its number alone (a re-run), with the repository's settings. */
export async function gatePullRequestNumber(base: EventBase, number: number): Promise<GateOutcome> {
  const settings = await loadSettings(base.client, base.repo);
  return gatePullRequest(base.client, base.repo, base.repoHtmlUrl, number, settings.gate);
}

/** Gate a merge queue entry on its own head, with the repository's settings. */
export async function gateMergeGroupEvent(base: EventBase, event: MergeGroupEvent): Promise<GateOutcome> {
  const settings = await loadSettings(base.client, base.repo);
  return gateMergeGroup(
    base.client,
    base.repo,
    base.repoHtmlUrl,
    { headSha: event.headSha, baseSha: event.baseSha, headRef: event.headRef },
    settings.gate,
  );
}

function contextWith(base: EventBase, settings: Settings): LifecycleContext {
  return { ...base, settings: settings.lifecycle, gateSettings: settings.gate };
}
