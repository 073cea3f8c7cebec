import { errorMessage } from '../core/errors.js';
import { renderSubIssueFailed } from '../core/replies/render-event-notices.js';
import { listIssueComments } from '../github/issue-comments.js';
import { followGate } from '../phases/follow-gate.js';
import { followSubIssue, isOurSubIssue } from '../phases/follow-sub-issue.js';
import type { EventBase } from '../phases/lifecycle-context.js';
import { IGNORED, type EventOutcome, type IssueStateEvent } from './event-types.js';
import { reportFailure } from './reply-on-issue.js';
import { withSettings } from './with-settings.js';

/** A task group's sub-issue closed or reopened by a person: tick its group in tasks.md, or say why not. */
export async function onIssueState(base: EventBase, event: IssueStateEvent): Promise<EventOutcome> {
  if (event.sender.isBot || !isOurSubIssue(event.body)) return IGNORED;
  try {
    const ctx = await withSettings(base);
    const outcome = await followSubIssue(ctx, event);
    if (outcome.gate !== undefined && outcome.pullRequest !== undefined)
      await followGate(ctx, { number: outcome.pullRequest }, outcome.gate);
    return { phase: 'sub-issue', status: outcome.status, ...(outcome.gate ? { gate: outcome.gate } : {}) };
  } catch (error) {
    base.log.warn({ err: error }, 'following a sub-issue failed');
    const message = errorMessage(error);
    const comments = await listIssueComments(base.client, base.repo, event.issueNumber).catch(() => []);
    await reportFailure(
      base,
      event.issueNumber,
      event.eventKey,
      renderSubIssueFailed(event.action, message),
      comments,
    ).catch(() => undefined);
    return { phase: 'sub-issue', status: 'failed', message };
  }
}
