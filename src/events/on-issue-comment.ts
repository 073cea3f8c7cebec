import { isChecklist } from '../core/checklist/render-checklist.js';
import { parseCommand, type SlashCommand } from '../core/commands/parse-command.js';
import { permissionAtLeast } from '../core/config/lifecycle-settings.js';
import { asAgentOsError } from '../core/errors.js';
import { renderCommandLabel } from '../core/replies/render-command-replies.js';
import { renderCommandFailed, renderPermissionRefused } from '../core/replies/render-event-notices.js';
import { addReaction } from '../github/add-reaction.js';
import { storeOf } from '../github/conditional-requests.js';
import { listIssueComments } from '../github/issue-comments.js';
import { forgetChecklist } from '../github/pull-request-memory.js';
import { readPermission } from '../github/read-permission.js';
import { followGate } from '../phases/follow-gate.js';
import type { EventBase, LifecycleContext } from '../phases/lifecycle-context.js';
import { settleFailureReport } from '../phases/settle-failure-report.js';
import { IGNORED, type EventOutcome, type IssueCommentEvent } from './event-types.js';
import { looksLikeAnswers, onAnswerComment } from './on-answer-comment.js';
import { onChecklistEdit } from './on-checklist-edit.js';
import { handledBefore, reply, reportFailure } from './reply-on-issue.js';
import { runCommand } from './run-command.js';
import { withSettings } from './with-settings.js';

/** A phase gated a pull request at a commit it made: the spec follow-ups run on that gate too. */
async function withFollowUps(ctx: LifecycleContext, pullRequest: number, outcome: EventOutcome): Promise<EventOutcome> {
  if (outcome.gate !== undefined) await followGate(ctx, { number: pullRequest }, outcome.gate);
  return outcome;
}

/**
 * A new comment on an issue or pull request: a slash command (permission checked, 👀 then 🚀 or 😕, one reply),
 * or a reply answering the clarifying questions. Edits count only as answers; bots are never listened to.
 */
export async function onIssueComment(base: EventBase, event: IssueCommentEvent): Promise<EventOutcome> {
  const isChecklistEdit =
    event.action === 'edited' &&
    event.isPullRequest &&
    event.comment.authorIsBot &&
    !event.sender.isBot &&
    isChecklist(event.comment.body);
  if (!isChecklistEdit && (event.comment.authorIsBot || event.sender.isBot)) return IGNORED;
  // A person edited the checklist: the text the App remembers of it is no longer the comment's.
  const store = isChecklistEdit ? storeOf(base.client) : undefined;
  if (store !== undefined) await forgetChecklist(store, base.repo, event.issueNumber);
  const command = event.action === 'created' ? parseCommand(event.comment.body) : undefined;
  // Most comments are conversation: tell them apart before spending requests on the repository's settings.
  if (!isChecklistEdit && command === undefined && (event.isPullRequest || !looksLikeAnswers(event.comment.body)))
    return IGNORED;
  let ctx: LifecycleContext;
  try {
    ctx = await withSettings(base);
  } catch (error) {
    return settingsFailed(base, event, command, error);
  }
  if (isChecklistEdit) return withFollowUps(ctx, event.issueNumber, await onChecklistEdit(ctx, event));
  if (command === undefined) return onAnswerComment(ctx, event);
  return onCommand(ctx, event, command);
}

/** The repository's settings could not be read: a command is answered 😕 with the reason. */
async function settingsFailed(
  base: EventBase,
  event: IssueCommentEvent,
  command: SlashCommand | undefined,
  error: unknown,
): Promise<EventOutcome> {
  const known = asAgentOsError(error);
  base.log.warn({ err: error, kind: known.kind }, 'settings could not be read');
  if (command === undefined) return { phase: 'none', status: 'failed', message: known.message };
  const eventKey = `comment-${event.comment.id}`;
  await addReaction(base.client, base.repo, event.comment.id, 'confused');
  const comments = await listIssueComments(base.client, base.repo, event.issueNumber);
  await reportFailure(
    base,
    event.issueNumber,
    eventKey,
    renderCommandFailed(renderCommandLabel(command), known.message, false),
    comments,
  );
  return { phase: command.name, status: 'failed', message: known.message };
}

/** A slash command: once per comment, by someone with the permission it needs; 👀 then 🚀 or 😕, and one reply. */
async function onCommand(
  ctx: LifecycleContext,
  event: IssueCommentEvent,
  command: SlashCommand,
): Promise<EventOutcome> {
  const eventKey = `comment-${event.comment.id}`;
  const label = renderCommandLabel(command);
  const comments = await listIssueComments(ctx.client, ctx.repo, event.issueNumber);
  if (handledBefore(comments, eventKey)) return { phase: 'none', status: 'already-handled' };
  const needed = ctx.settings.permissions[command.name];
  const held = await readPermission(ctx.client, ctx.repo, event.comment.author);
  if (!permissionAtLeast(held, needed)) {
    await reply(ctx, event.issueNumber, eventKey, renderPermissionRefused(event.comment.author, label, needed, held));
    return { phase: command.name, status: 'refused' };
  }
  await addReaction(ctx.client, ctx.repo, event.comment.id, 'eyes');
  try {
    const outcome = await runCommand(ctx, event, command, comments);
    if (outcome.message !== undefined) await reply(ctx, event.issueNumber, eventKey, outcome.message);
    await addReaction(ctx.client, ctx.repo, event.comment.id, 'rocket');
    await settleFailureReport(ctx, { number: event.issueNumber, eventKey, comments, what: label });
    return event.isPullRequest ? await withFollowUps(ctx, event.issueNumber, outcome) : outcome;
  } catch (error) {
    const known = asAgentOsError(error);
    ctx.log.warn({ err: error, kind: known.kind, command: command.name }, 'command failed');
    await addReaction(ctx.client, ctx.repo, event.comment.id, 'confused');
    await reportFailure(
      ctx,
      event.issueNumber,
      eventKey,
      renderCommandFailed(label, known.message, known.kind !== 'user-input'),
      comments,
    );
    return { phase: command.name, status: 'failed', message: known.message };
  }
}
