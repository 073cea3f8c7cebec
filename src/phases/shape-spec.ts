import { phaseLabels } from '../core/config/lifecycle-settings.js';
import { AgentOsError } from '../core/errors.js';
import { parseIssue, type ParsedIssue } from '../core/issue/parse-issue.js';
import { permissionAtLeast } from '../core/config/lifecycle-settings.js';
import { parseCommand } from '../core/commands/parse-command.js';
import { parseMarkedFile } from '../core/spec/file-marker.js';
import { foldAnswers } from '../core/spec/fold-answers.js';
import { parseReply } from '../core/spec/parse-answers.js';
import {
  MARKERS,
  markedAs,
  renderQuestionsComment,
  writtenForEvent,
  type SpecLinks,
} from '../core/spec/render-comments.js';
import { renderSpecPullRequestBody, specPullRequestTitle, type RoadmapLink } from '../core/spec/render-pull-request.js';
import { renderRequirements } from '../core/spec/render-requirements.js';
import { toShapingState, type ShapingState } from '../core/spec/shaping-state.js';
import { specLocationFor, type SpecLocation } from '../core/spec/spec-location.js';
import { findSpecReferences } from '../core/spec/find-spec-references.js';
import { readBranch } from '../github/branches.js';
import { readRepositoryTree } from '../github/read-repository-tree.js';
import {
  deleteIssueComment,
  findOurComments,
  upsertMarkedComment,
  type IssueComment,
} from '../github/issue-comments.js';
import { readPermission } from '../github/read-permission.js';
import { readFileOnDefaultBranch } from '../github/read-default-branch-file.js';
import { setPhaseLabel } from '../github/labels.js';
import {
  findOrOpenPullRequest,
  PullRequestsFromActionsRefused,
  type PullRequestResult,
} from '../github/pull-requests.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import { githubSpecWorkspace } from '../github/github-spec-workspace.js';
import { createBranchWithFiles, readFileOnBranch, writeFileOnBranch } from '../github/write-files.js';
import { draftQuestionsFor } from './draft-questions-for.js';
import { draftRequirements } from './draft-requirements.js';
import { treeUrl, type LifecycleContext } from './lifecycle-context.js';
import { gateWrittenCommit, type GateOutcome } from './gate-tasks.js';
import { locateSpec } from './locate-spec.js';
import { matchRoadmap, readRoadmapFile } from './roadmap-item.js';

export interface ShapeInput {
  issue: IssueSnapshot;
  /** The issue's comments, read once by the caller. */
  comments: readonly IssueComment[];
  /** The event asking for it (`comment-<id>` for a command, the delivery id for a label). */
  eventKey: string;
  /** `/shape-spec --force`: rebuild requirements.md from the issue and the answers so far. */
  force: boolean;
}

export type ShapeResult =
  | {
      status: 'shaped';
      links: SpecLinks;
      /** The new pull request's head, gated from what was written (the App reports it as the check run). */
      gate?: GateOutcome;
    }
  /** No spec branch, but the spec folder is on the default branch: the spec was merged (its branch deleted). */
  | { status: 'merged'; location: SpecLocation; folderUrl: string; message: string }
  | {
      status: 'already-shaped';
      links: SpecLinks;
      /** This very event shaped it before (a redelivery): nothing to report again. */
      redelivery: boolean;
      requirements: 'rebuilt' | 'unchanged' | 'kept';
    };

/** The spec's pull request, or where to open it when GitHub did not let a workflow's token open it. */
type SpecPullRequest = PullRequestResult | { outcome: 'refused'; compareUrl: string };

function linksFor(ctx: LifecycleContext, location: SpecLocation, pr: SpecPullRequest | undefined): SpecLinks {
  return {
    location,
    branchUrl: treeUrl(ctx, location.branch),
    folderUrl: treeUrl(ctx, location.branch, location.folder),
    ...(pr === undefined
      ? {}
      : pr.outcome === 'refused'
        ? { pullRequestRefused: { compareUrl: pr.compareUrl } }
        : { pullRequest: { number: pr.number, url: pr.url, draft: pr.draft }, draftUnavailable: pr.draftUnavailable }),
  };
}

/** GitHub's page for opening a pull request from `head` into `base`, with our title and description filled in. */
function compareUrl(ctx: LifecycleContext, base: string, head: string, title: string, body: string): string {
  const ref = (branch: string) => branch.split('/').map(encodeURIComponent).join('/');
  return `${ctx.repoHtmlUrl}/compare/${ref(base)}...${ref(head)}?${new URLSearchParams({ expand: '1', title, body }).toString()}`;
}

async function openPullRequest(
  ctx: LifecycleContext,
  issue: IssueSnapshot,
  location: SpecLocation,
  roadmapItem?: RoadmapLink,
  headJustCreated = false,
): Promise<SpecPullRequest> {
  const request = {
    headJustCreated,
    head: location.branch,
    base: ctx.defaultBranch,
    title: specPullRequestTitle(issue.title, issue.number),
    body: renderSpecPullRequestBody(issue.number, issue.title, location, roadmapItem),
    draft: ctx.settings.draftPullRequests,
  };
  try {
    return await findOrOpenPullRequest(ctx.client, ctx.repo, request);
  } catch (error) {
    // The Action's token in a repository that does not let GitHub Actions open pull requests: the branch is
    // pushed, so the spec goes on; the reply links to the page that opens the pull request and names the setting.
    if (!(error instanceof PullRequestsFromActionsRefused)) throw error;
    ctx.log.warn({ branch: location.branch }, error.message);
    return { outcome: 'refused', compareUrl: compareUrl(ctx, request.base, request.head, request.title, request.body) };
  }
}

/**
 * The gate of a spec branch just made from the default branch's head plus requirements.md: the pull request changes
 * that one file, and the task files its description names are as on the default branch (read from its listing,
 * which the settings' read already brought up to date). Reported by the App at once, so the webhook for its own
 * pull request (`opened`, sent by the App) has nothing left to do.
 */
async function gateNewSpecBranch(
  ctx: LifecycleContext,
  headSha: string,
  body: string,
  requirements: { path: string; text: string },
): Promise<GateOutcome> {
  const known = new Map<string, string | null>([[requirements.path, requirements.text]]);
  for (const { taskFile } of findSpecReferences(body)) {
    if (known.has(taskFile)) continue;
    known.set(
      taskFile,
      (await readFileOnDefaultBranch(ctx.client, ctx.repo, taskFile, ctx.defaultBranch))?.text ?? null,
    );
  }
  const subject = {
    repo: ctx.repo,
    repoHtmlUrl: ctx.repoHtmlUrl,
    headSha,
    changedFiles: [{ path: requirements.path, removed: false }],
    body,
    known,
  };
  return gateWrittenCommit(ctx.client, subject, ctx.gateSettings);
}

async function showShaping(ctx: LifecycleContext, issue: IssueSnapshot): Promise<void> {
  const { labels } = ctx.settings;
  // Once the spec is written the issue is past shaping: a later /shape-spec does not move the label back.
  if (issue.labels.includes(labels.specWritten)) return;
  await setPhaseLabel(ctx.client, ctx.repo, {
    number: issue.number,
    current: issue.labels,
    target: labels.shaping,
    phaseLabels: phaseLabels(labels),
  });
}

/**
 * shape-spec: create the spec branch with planning/requirements.md in one commit, open the (draft) pull request,
 * ask the clarifying questions on the issue and show the phase label. Every step is find-or-create, so a
 * redelivery or a race changes nothing, and a run cut short by a GitHub error is finished by the next one.
 */
export async function shapeSpec(ctx: LifecycleContext, input: ShapeInput): Promise<ShapeResult> {
  const { issue } = input;
  const existing = await locateSpec(ctx, issue);
  if (existing) return ensureShaped(ctx, input, existing.location);

  const location = specLocationFor(
    { issueNumber: issue.number, title: issue.title, createdAt: issue.createdAt },
    ctx.settings,
  );
  // No spec branch, but the folder is on the default branch: the spec was merged (and its branch deleted).
  // The repository's paths sharpen the questions (what kind of project it is, files to reuse); a tree that cannot
  // be read only makes them plainer.
  const [merged, roadmap, tree] = await Promise.all([
    readFileOnDefaultBranch(ctx.client, ctx.repo, location.requirementsPath, ctx.defaultBranch),
    readRoadmapFile(ctx),
    readRepositoryTree(ctx.client, ctx.repo, ctx.defaultBranch).catch((error: unknown) => {
      ctx.log.warn({ err: error }, 'questions: the repository tree could not be read');
      return undefined;
    }),
  ]);
  if (merged !== undefined) {
    return {
      status: 'merged',
      location,
      folderUrl: treeUrl(ctx, ctx.defaultBranch, location.folder),
      message: `This issue's spec is already on \`${ctx.defaultBranch}\` in \`${location.folder}\` (its spec branch is gone, so it was probably merged). Change it there with a pull request; to shape it again from scratch, delete that folder first.`,
    };
  }
  const {
    state: { questions },
    note,
    content: requirements,
  } = await draftRequirements(
    { ...ctx, workspace: githubSpecWorkspace(ctx.client, ctx.repo, ctx.defaultBranch) },
    { issue: { ...issue, url: issue.htmlUrl }, location, repositoryPaths: tree?.paths ?? [] },
  );
  const base = await readBranch(ctx.client, ctx.repo, ctx.defaultBranch);
  if (base === undefined) {
    throw new AgentOsError(
      'not-found',
      `The default branch \`${ctx.defaultBranch}\` was not found, so there is nothing to start the spec branch from.`,
    );
  }
  const created = await createBranchWithFiles(ctx.client, ctx.repo, {
    branch: location.branch,
    base,
    files: [{ path: location.requirementsPath, content: requirements }],
    message: `Shape spec for #${issue.number}: ${issue.title}\n\nAdds ${location.requirementsPath} from the issue, with the clarifying questions.`,
  });
  if (!created.created) {
    // Another delivery (another replica) created it a moment ago and is opening the pull request and asking the
    // questions: doing the same here would race it into duplicates. Any later event finishes what it leaves undone.
    ctx.log.info({ branch: location.branch }, 'spec branch created by a concurrent delivery');
    return {
      status: 'already-shaped',
      links: linksFor(ctx, location, undefined),
      redelivery: true,
      requirements: 'unchanged',
    };
  }
  ctx.log.info({ branch: location.branch, commit: created.sha }, 'spec branch created');
  const { item } = matchRoadmap(roadmap, issue.title);
  const roadmapLink = item === undefined ? undefined : { number: item.number, title: item.title, path: roadmap.path };
  // A branch made a moment ago has no pull request yet: none is looked for first.
  const pr = await openPullRequest(ctx, issue, location, roadmapLink, true);
  const links = linksFor(ctx, location, pr);
  await upsertMarkedComment(ctx.client, ctx.repo, {
    number: issue.number,
    isOurs: (body) => markedAs(body, MARKERS.questions),
    body: renderQuestionsComment(input.eventKey, questions, links, note),
    comments: input.comments,
  });
  await showShaping(ctx, issue);
  if (pr.outcome !== 'created') return { status: 'shaped', links };
  const body = renderSpecPullRequestBody(issue.number, issue.title, location, roadmapLink);
  const gate = await gateNewSpecBranch(ctx, created.sha, body, { path: location.requirementsPath, text: requirements });
  return { status: 'shaped', links, gate };
}

/** The spec branch exists: finish whatever a cut-short run left undone, and rebuild requirements.md if asked. */
async function ensureShaped(ctx: LifecycleContext, input: ShapeInput, location: SpecLocation): Promise<ShapeResult> {
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
