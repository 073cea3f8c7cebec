import { parseIssue } from '../core/issue/parse-issue.js';
import type { ClarifyingQuestion } from '../core/spec/clarifying-question.js';
import { parseMarkedFile } from '../core/spec/file-marker.js';
import { foldAnswers, nextQuestionNumber } from '../core/spec/fold-answers.js';
import { parseReply } from '../core/spec/parse-answers.js';
import { MARKERS, markedAs, renderFollowUpComment } from '../core/spec/render-comments.js';
import { renderRequirements } from '../core/spec/render-requirements.js';
import { toShapingState, type ShapingState } from '../core/spec/shaping-state.js';
import { addReaction } from '../github/add-reaction.js';
import { upsertMarkedComment, type IssueComment } from '../github/issue-comments.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import { retryOnConflict } from '../github/retry-on-conflict.js';
import { readFileOnBranch, writeFileOnBranch } from '../github/write-files.js';
import type { DraftedQuestions } from '../model/draft-questions-with-model.js';
import { draftFollowUpsFor } from './draft-follow-ups-for.js';
import type { LifecycleContext } from './lifecycle-context.js';
import { locateSpec } from './locate-spec.js';

export interface AnswerCommentInput {
  issue: IssueSnapshot;
  comment: { id: number; body: string; author: string };
  comments: readonly IssueComment[];
}

export type FoldOutcome =
  | { status: 'folded'; changed: number[]; followUps: number[]; path: string }
  | { status: 'unchanged' }
  | { status: 'no-answers' }
  | { status: 'not-shaped' }
  | { status: 'edited-by-hand'; path: string };

/** A fold committed: what the follow-up comment and the outcome say. */
interface FoldWritten {
  nextState: ShapingState;
  note: string;
  changed: number[];
  followUps: ClarifyingQuestion[];
}

/** Writes that lose a race with another change of requirements.md are retried on a fresh read this many times. */
const WRITE_ATTEMPTS = 3;

/**
 * Fold a reply's answers into requirements.md: each answer verbatim under its question, one commit per fold, and
 * up to three follow-up questions for answers that were empty or unclear. The same comment twice changes
 * nothing; a requirements.md a person edited is left alone.
 */
export async function foldAnswerComment(ctx: LifecycleContext, input: AnswerCommentInput): Promise<FoldOutcome> {
  const { issue, comment } = input;
  const spec = await locateSpec(ctx, issue);
  if (spec === undefined) return { status: 'not-shaped' };
  const { location } = spec;

  const memo = new Map<string, DraftedQuestions>();
  const written = await retryOnConflict(WRITE_ATTEMPTS, async (): Promise<FoldOutcome | FoldWritten> => {
    const file = await readFileOnBranch(ctx.client, ctx.repo, location.requirementsPath, location.branch);
    const marked = file === undefined ? undefined : parseMarkedFile<object>('requirements', file.text);
    const state = marked?.marked === true ? toShapingState(marked.data) : undefined;
    if (file === undefined || marked?.marked !== true || state === undefined) return { status: 'not-shaped' };

    const reply = parseReply(comment.body, state.questions);
    if (reply.answers.length === 0 && state.notes?.[String(comment.id)] === undefined) return { status: 'no-answers' };
    const folded = foldAnswers(state, reply, { id: comment.id, author: comment.author });
    if (folded.changed.length === 0 && !folded.notesChanged) {
      // Folded before; if its follow-ups were never posted (GitHub failed right after the commit), post them now.
      const asked = state.questions.filter((q) => q.askedIn === comment.id);
      const posted = input.comments.some((c) => c.byBot && markedAs(c.body, MARKERS.followUps(comment.id)));
      if (asked.length > 0 && !posted) await postFollowUps(ctx, input, asked);
      return { status: 'unchanged' };
    }
    if (!marked.intact) return { status: 'edited-by-hand', path: location.requirementsPath };

    const drafting = await draftFollowUpsFor(ctx, {
      questions: folded.state.questions,
      unclear: folded.needFollowUp,
      firstNumber: nextQuestionNumber(folded.state),
      memo,
    });
    const followUps: ClarifyingQuestion[] = drafting.questions.map((q) => ({ ...q, askedIn: comment.id }));
    const nextState = withFollowUps(folded.state, followUps, comment.id, drafting.drafted);
    const content = renderRequirements({
      issue: parseIssue(issue.title, issue.body),
      issueNumber: issue.number,
      issueUrl: issue.htmlUrl,
      branch: location.branch,
      state: nextState,
    });
    await writeFileOnBranch(ctx.client, ctx.repo, {
      branch: location.branch,
      path: location.requirementsPath,
      content,
      sha: file.sha,
      message: `Fold answers from @${comment.author} into the requirements for #${issue.number}\n\n${folded.changed.length > 0 ? `Answers to ${folded.changed.map((n) => `Q${n}`).join(', ')}` : 'Notes'} from ${issue.htmlUrl}#issuecomment-${comment.id}`,
    });
    return { nextState, note: drafting.note, changed: folded.changed, followUps };
  });
  if ('status' in written) return written;

  const asked = written.nextState.questions.filter((q) => q.askedIn === comment.id);
  if (asked.length > 0) await postFollowUps(ctx, input, asked, written.note);
  await addReaction(ctx.client, ctx.repo, comment.id, 'rocket');
  return {
    status: 'folded',
    changed: written.changed,
    followUps: written.followUps.map((q) => q.number),
    path: location.requirementsPath,
  };
}

async function postFollowUps(
  ctx: LifecycleContext,
  input: AnswerCommentInput,
  asked: readonly ClarifyingQuestion[],
  note = '',
): Promise<void> {
  const { comment } = input;
  await upsertMarkedComment(ctx.client, ctx.repo, {
    number: input.issue.number,
    isOurs: (body) => markedAs(body, MARKERS.followUps(comment.id)),
    body: renderFollowUpComment(comment.id, comment.author, asked, note),
    comments: input.comments,
  });
}

/** The folded state with the follow-up questions asked in a reply appended (and who drafted them, when known). */
function withFollowUps(
  state: ShapingState,
  followUps: ClarifyingQuestion[],
  commentId: number,
  drafted: NonNullable<ShapingState['followUpsDrafted']>[string] | undefined,
): ShapingState {
  return {
    ...state,
    questions: [...state.questions, ...followUps],
    ...(drafted === undefined ? {} : { followUpsDrafted: { ...state.followUpsDrafted, [String(commentId)]: drafted } }),
  };
}
