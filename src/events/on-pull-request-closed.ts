import { issueNumberOfSpecBranch } from '../core/spec/spec-location.js';
import { finishMergedSpec, type FinishOutcome } from '../phases/finish-merged-spec.js';
import type { EventBase } from '../phases/lifecycle-context.js';
import { IGNORED, type EventOutcome, type PullRequestClosedEvent } from './event-types.js';
import { withSettings } from './with-settings.js';

/** A spec pull request merged: roadmap, summary, label, close (see finishMergedSpec). Others are ignored. */
export async function onPullRequestClosed(
  base: EventBase,
  event: PullRequestClosedEvent,
): Promise<EventOutcome & { finish?: FinishOutcome }> {
  if (!event.merged || !event.headInRepository) return IGNORED;
  const ctx = await withSettings(base);
  if (issueNumberOfSpecBranch(event.headRef, ctx.settings) === undefined) return IGNORED;
  const finish = await finishMergedSpec(ctx, event);
  return { phase: 'finish-spec', status: finish.status, finish };
}
