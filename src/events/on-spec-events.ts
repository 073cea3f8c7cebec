import { isAgentOsError } from '../core/errors.js';
import { issueNumberOfSpecBranch } from '../core/spec/spec-location.js';
import { markerLine, MARKERS } from '../core/spec/render-comments.js';
import { listIssueComments, upsertMarkedComment } from '../github/issue-comments.js';
import { finishMergedSpec, type FinishOutcome } from '../phases/finish-merged-spec.js';
import { followSubIssue, isOurSubIssue, type SubIssueStateEvent } from '../phases/follow-sub-issue.js';
import { followGate } from '../phases/follow-gate.js';
import { withSettings, type EventOutcome } from './on-issue-comment.js';
import type { EventBase, LifecycleContext } from '../phases/lifecycle-context.js';

function messageOf(error: unknown): string {
  return isAgentOsError(error) ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

export { followGate };

/** A task group's sub-issue closed or reopened by a person: tick its group in tasks.md, or say why not. */
export async function handleIssueStateChange(base: EventBase, event: SubIssueStateEvent): Promise<EventOutcome> {
  if (event.sender.isBot || !isOurSubIssue(event.body)) return { phase: 'none', status: 'ignored' };
  let ctx: LifecycleContext | undefined;
  try {
    ctx = await withSettings(base);
    const outcome = await followSubIssue(ctx, event);
    if (outcome.gate !== undefined && outcome.pullRequest !== undefined) await followGate(ctx, { number: outcome.pullRequest }, outcome.gate);
    return { phase: 'sub-issue', status: outcome.status, ...(outcome.gate ? { gate: outcome.gate } : {}) };
  } catch (error) {
    base.log.warn({ err: error }, 'following a sub-issue failed');
    const text =
      event.action === 'closed'
        ? `Could not tick this task group in \`tasks.md\`: ${messageOf(error)} Reopen and close the issue again to retry.`
        : `Could not follow the reopening of this task group: ${messageOf(error)}`;
    const comments = await listIssueComments(base.client, base.repo, event.issueNumber).catch(() => []);
    await upsertMarkedComment(base.client, base.repo, {
      number: event.issueNumber,
      isOurs: (body) => body.startsWith(markerLine(MARKERS.failed, event.eventKey)),
      body: `${markerLine(MARKERS.failed, event.eventKey)}\n${text}`,
      comments,
    }).catch(() => undefined);
    return { phase: 'sub-issue', status: 'failed', message: messageOf(error) };
  }
}

export interface PullRequestClosedEvent {
  number: number;
  headRef: string;
  /** The head branch is in this repository: a fork's branch named like a spec branch is not the spec. */
  headInRepository: boolean;
  merged: boolean;
  htmlUrl: string;
}

/** A spec pull request merged: roadmap, summary, label, close (see finishMergedSpec). Others are ignored. */
export async function handlePullRequestClosed(base: EventBase, event: PullRequestClosedEvent): Promise<EventOutcome & { finish?: FinishOutcome }> {
  if (!event.merged || !event.headInRepository) return { phase: 'none', status: 'ignored' };
  const ctx = await withSettings(base);
  if (issueNumberOfSpecBranch(event.headRef, ctx.settings) === undefined) return { phase: 'none', status: 'ignored' };
  const finish = await finishMergedSpec(ctx, event);
  return { phase: 'finish-spec', status: finish.status, finish };
}

