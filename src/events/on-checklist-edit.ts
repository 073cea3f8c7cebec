import { renderTicksMissing, renderTicksOnFork, renderTicksRefused } from '../core/replies/render-event-notices.js';
import { renderForkNotice } from '../phases/fork-guard.js';
import { gatePullRequestAt } from '../phases/gate-tasks.js';
import type { LifecycleContext } from '../phases/lifecycle-context.js';
import { syncChecklist } from '../phases/sync-checklist.js';
import { tickFromChecklist } from '../phases/tick-from-checklist.js';
import type { EventOutcome, IssueCommentEvent } from './event-types.js';
import { reply } from './reply-on-issue.js';

/** A person ticked or unticked boxes in our checklist comment: write them to the task file, or undo them. */
export async function onChecklistEdit(ctx: LifecycleContext, event: IssueCommentEvent): Promise<EventOutcome> {
  const outcome = await tickFromChecklist(
    ctx.client,
    ctx.repo,
    {
      pullRequest: event.issueNumber,
      commentId: event.comment.id,
      before: event.previousBody ?? '',
      after: event.comment.body,
      sender: event.sender.login,
    },
    { permission: ctx.settings.permissions.tick, skipMarkers: ctx.gateSettings.skipMarkers },
  );
  if (outcome.status === 'no-ticks') return { phase: 'tick', status: 'no-ticks' };
  if (outcome.status === 'refused') {
    await reply(
      ctx,
      event.issueNumber,
      event.eventKey,
      renderTicksRefused(event.sender.login, ctx.settings.permissions.tick, outcome.held),
    );
    return { phase: 'tick', status: 'refused' };
  }
  if (outcome.status === 'fork') {
    await reply(
      ctx,
      event.issueNumber,
      event.eventKey,
      renderForkNotice(outcome.head, renderTicksOnFork(event.sender.login), ctx.gateSettings.checkName),
    );
    return { phase: 'tick', status: 'fork' };
  }
  const headSha = outcome.status === 'committed' ? outcome.commitSha : outcome.headSha;
  const gate = await gatePullRequestAt(
    ctx.client,
    ctx.repo,
    ctx.repoHtmlUrl,
    event.issueNumber,
    headSha,
    ctx.gateSettings,
    outcome.body,
  );
  await syncChecklist(
    { client: ctx.client, repo: ctx.repo, repoHtmlUrl: ctx.repoHtmlUrl, pullRequest: event.issueNumber },
    gate,
  );
  if (outcome.missing > 0)
    await reply(ctx, event.issueNumber, event.eventKey, renderTicksMissing(event.sender.login, outcome.missing));
  return { phase: 'tick', status: outcome.status, gate };
}
