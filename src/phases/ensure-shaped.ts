import { permissionAtLeast } from '../core/config/lifecycle-settings.js';
import { parseCommand } from '../core/commands/parse-command.js';
import { parseIssue, type ParsedIssue } from '../core/issue/parse-issue.js';
import { parseMarkedFile } from '../core/spec/file-marker.js';
import { foldAnswers } from '../core/spec/fold-answers.js';
import { parseReply } from '../core/spec/parse-answers.js';
import { MARKERS, markedAs, renderQuestionsComment, writtenForEvent } from '../core/spec/render-comments.js';
import { renderRequirements } from '../core/spec/render-requirements.js';
import { toShapingState, type ShapingState } from '../core/spec/shaping-state.js';
import type { SpecLocation } from '../core/spec/spec-location.js';
import {
  deleteIssueComment,
  findOurComments,
  upsertMarkedComment,
  type IssueComment,
} from '../github/issue-comments.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import { readPermission } from '../github/read-permission.js';
import { readFileOnBranch, writeFileOnBranch } from '../github/write-files.js';
import { draftQuestionsFor } from './draft-questions-for.js';
import type { LifecycleContext } from './lifecycle-context.js';
import { linksFor, openPullRequest } from './open-spec-pull-request.js';
import type { ShapeInput, ShapeResult } from './shape-spec.js';
import { showShaping } from './show-phase.js';

/** The spec branch exists: finish whatever a cut-short run left undone, and rebuild requirements.md if asked. */
export async function ensureShaped(
  ctx: LifecycleContext,
  input: ShapeInput,
  location: SpecLocation,
): Promise<ShapeResult> {
  const { issue } = input;
  const file = await readFileOnBranch(ctx.client, ctx.repo, location.requirementsPath, location.branch);
  const marked = file === undefined ? undefined : parseMarkedFile<object>('requirements', file.text);
  const recorded = marked?.marked === true ? toShapingState(marked.data) : undefined;
  const parsed = parseIssue(issue.title, issue.body);
  let state: ShapingState = recorded ?? (await freshState(ctx, issue.number, parsed));
  // Rebuilding: fold every reply on the issue again, so answers given after a hand edit are not lost.
  if (input.force) state = await refoldReplies(ctx, issue, state, input.comments);

  let requirements: 'rebuilt' | 'unchanged' | 'kept' = 'unchanged';
  const rebuild = file === undefined || input.force;
  if (rebuild || recorded === undefined) {
    const content = renderRequirements({
      issue: parsed,
      issueNumber: issue.number,
      issueUrl: issue.htmlUrl,
      branch: location.branch,
      state,
    });
    if (!rebuild) {
      requirements = 'kept'; // a person's own requirements.md, without our marker: not ours to replace unasked
    } else if (file?.text !== content) {
      await writeFileOnBranch(ctx.client, ctx.repo, {
        branch: location.branch,
        path: location.requirementsPath,
        content,
        message: `Rebuild requirements for #${issue.number} from the issue and its answers`,
        ...(file ? { sha: file.sha } : {}),
      });
      requirements = 'rebuilt';
    }
  }

  const pr = await openPullRequest(ctx, issue, location);
  const links = linksFor(ctx, location, pr);
  const [questionsComment, ...duplicates] = findOurComments(input.comments, (body) =>
    markedAs(body, MARKERS.questions),
  );
  // Two replicas racing can each have asked; the oldest questions comment is the one people answer.
  for (const duplicate of duplicates) await deleteIssueComment(ctx.client, ctx.repo, duplicate.id);
  if (questionsComment === undefined) {
    // The branch exists but no questions are asked: the replica that made the branch may be asking them now.
    await upsertMarkedComment(ctx.client, ctx.repo, {
      number: issue.number,
      isOurs: (body) => markedAs(body, MARKERS.questions),
      body: renderQuestionsComment(input.eventKey, state.questions, links),
      comments: input.comments,
      settle: true,
    });
  }
  await showShaping(ctx, issue);
  const redelivery = questionsComment === undefined || writtenForEvent(questionsComment.body, input.eventKey);
  return { status: 'already-shaped', links, redelivery, requirements };
}

/** Questions for a spec branch whose requirements.md holds none (deleted, or a person's own file). */
async function freshState(ctx: LifecycleContext, issue: number, parsed: ParsedIssue): Promise<ShapingState> {
  const { questions, drafted } = await draftQuestionsFor(ctx, parsed);
  return { issue, questions, answers: {}, ...(drafted === undefined ? {} : { questionsDrafted: drafted }) };
}

/** Fold every answering reply on the issue, oldest first, from its author or people with write access. */
async function refoldReplies(
  ctx: LifecycleContext,
  issue: IssueSnapshot,
  state: ShapingState,
  comments: readonly IssueComment[],
): Promise<ShapingState> {
  const allowed = new Map<string, boolean>([[issue.author, true]]);
  let folded = state;
  for (const comment of [...comments].sort((a, b) => a.id - b.id)) {
    if (comment.byBot || parseCommand(comment.body) !== undefined) continue;
    const reply = parseReply(comment.body, folded.questions);
    if (reply.answers.length === 0) continue;
    if (!allowed.has(comment.author))
      allowed.set(
        comment.author,
        permissionAtLeast(await readPermission(ctx.client, ctx.repo, comment.author), 'write'),
      );
    if (allowed.get(comment.author) !== true) continue;
    folded = foldAnswers(folded, reply, { id: comment.id, author: comment.author }).state;
  }
  return folded;
}
