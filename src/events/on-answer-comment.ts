import { permissionAtLeast } from '../core/config/lifecycle-settings.js';
import { asAgentOsError } from '../core/errors.js';
import {
  renderAnswersAfterSpec,
  renderAnswersEditedByHand,
  renderAnswersFailed,
} from '../core/replies/render-event-notices.js';
import type { ClarifyingQuestion } from '../core/spec/clarifying-question.js';
import { parseAnswers } from '../core/spec/parse-answers.js';
import { addReaction } from '../github/add-reaction.js';
import { listIssueComments, type IssueComment } from '../github/issue-comments.js';
import { readIssue } from '../github/read-issue.js';
import { readPermission } from '../github/read-permission.js';
import { foldAnswerComment } from '../phases/fold-answer-comment.js';
import type { LifecycleContext } from '../phases/lifecycle-context.js';
import { settleFailureReport } from '../phases/settle-failure-report.js';
import { IGNORED, type EventOutcome, type IssueCommentEvent } from './event-types.js';
import { handledBefore, reply, reportFailure } from './reply-on-issue.js';

/** Numbers 1…40, so any numbered reply counts as "looks like answers" before the real questions are read. */
const ANY_QUESTIONS: ClarifyingQuestion[] = Array.from({ length: 40 }, (_, i) => ({
  number: i + 1,
  topic: 'scope',
  text: '',
  default: '',
}));

/** Whether a comment looks like answers to numbered questions (a cheap test before any request). */
export function looksLikeAnswers(body: string): boolean {
  return parseAnswers(body, ANY_QUESTIONS).length > 0;
}

/**
 * A reply on an issue being shaped (or whose spec is written) that answers the questions: folded into
 * requirements.md when its author is the issue's author or has write access. Read again through the API first,
 * so a replayed or out-of-order edit never folds an old text.
 */
export async function onAnswerComment(ctx: LifecycleContext, event: IssueCommentEvent): Promise<EventOutcome> {
  const { labels } = ctx.settings;
  if (event.isPullRequest || !(event.labels.includes(labels.shaping) || event.labels.includes(labels.specWritten)))
    return IGNORED;
  if (!looksLikeAnswers(event.comment.body)) return IGNORED;
  const eventKey = `comment-${event.comment.id}`;
  let comments: readonly IssueComment[] = [];
  try {
    // The comment as it is now comes with the issue's comments, which the fold needs anyway (one read, not two).
    const [issue, listed] = await Promise.all([
      readIssue(ctx.client, ctx.repo, event.issueNumber),
      listIssueComments(ctx.client, ctx.repo, event.issueNumber),
    ]);
    comments = listed;
    const comment = listed.find((c) => c.id === event.comment.id);
    if (comment === undefined || comment.byBot) return { phase: 'fold-answers', status: 'deleted' };
    if (issue.author !== comment.author) {
      const held = await readPermission(ctx.client, ctx.repo, comment.author);
      if (!permissionAtLeast(held, 'write')) {
        ctx.log.info(
          { author: comment.author, permission: held },
          'answers ignored: not the issue author or a collaborator with write access',
        );
        return { phase: 'fold-answers', status: 'not-allowed' };
      }
    }
    const outcome = await foldAnswerComment(ctx, { issue, comment, comments });
    if (outcome.status === 'edited-by-hand' && !handledBefore(comments, eventKey))
      await reply(ctx, issue.number, eventKey, renderAnswersEditedByHand(comment.author, outcome.path));
    if (outcome.status === 'folded')
      await settleFailureReport(ctx, {
        number: issue.number,
        eventKey,
        comments,
        what: `Folding @${comment.author}'s answers into the requirements`,
      });
    const afterSpec = `${eventKey}-after-spec`;
    if (
      outcome.status === 'folded' &&
      issue.labels.includes(labels.specWritten) &&
      !handledBefore(comments, afterSpec)
    ) {
      await reply(ctx, issue.number, afterSpec, renderAnswersAfterSpec(comment.author));
    }
    return { phase: 'fold-answers', status: outcome.status };
  } catch (error) {
    const known = asAgentOsError(error);
    ctx.log.warn({ err: error, kind: known.kind }, 'folding answers failed');
    await addReaction(ctx.client, ctx.repo, event.comment.id, 'confused');
    await reportFailure(
      ctx,
      event.issueNumber,
      eventKey,
      renderAnswersFailed(event.comment.author, known.message),
      comments,
    ).catch(() => undefined);
    return { phase: 'fold-answers', status: 'failed', message: known.message };
  }
}
