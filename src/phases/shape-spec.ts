import { AgentOsError } from '../core/errors.js';
import { findSpecReferences } from '../core/spec/find-spec-references.js';
import { MARKERS, markedAs, renderQuestionsComment, type SpecLinks } from '../core/spec/render-comments.js';
import { renderSpecPullRequestBody } from '../core/spec/render-pull-request.js';
import { specLocationFor, type SpecLocation } from '../core/spec/spec-location.js';
import { readBranch } from '../github/branches.js';
import { githubSpecWorkspace } from '../github/github-spec-workspace.js';
import { upsertMarkedComment, type IssueComment } from '../github/issue-comments.js';
import { readFileOnDefaultBranch } from '../github/read-default-branch-file.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import { readRepositoryTree } from '../github/read-repository-tree.js';
import { createBranchWithFiles } from '../github/write-files.js';
import { draftRequirements } from './draft-requirements.js';
import { ensureShaped } from './ensure-shaped.js';
import { gateWrittenCommit, type GateOutcome } from './gate-tasks.js';
import { treeUrl, type LifecycleContext } from './lifecycle-context.js';
import { locateSpec } from './locate-spec.js';
import { linksFor, openPullRequest } from './open-spec-pull-request.js';
import { matchRoadmap, readRoadmapFile } from './roadmap-item.js';
import { showShaping } from './show-phase.js';

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

/**
 * What the default branch says before a spec branch is made: the spec folder already there (merged), the roadmap,
 * and the repository's paths (they sharpen the questions; a tree that cannot be read only makes them plainer).
 */
async function readDefaultBranch(ctx: LifecycleContext, location: SpecLocation) {
  const [merged, roadmap, tree] = await Promise.all([
    readFileOnDefaultBranch(ctx.client, ctx.repo, location.requirementsPath, ctx.defaultBranch),
    readRoadmapFile(ctx),
    readRepositoryTree(ctx.client, ctx.repo, ctx.defaultBranch).catch((error: unknown) => {
      ctx.log.warn({ err: error }, 'questions: the repository tree could not be read');
      return undefined;
    }),
  ]);
  return { merged: merged !== undefined, roadmap, paths: tree?.paths ?? [] };
}

/** The spec branch from the default branch's head, holding requirements.md in one commit (the ref last). */
async function createSpecBranch(
  ctx: LifecycleContext,
  issue: IssueSnapshot,
  location: SpecLocation,
  requirements: string,
) {
  const base = await readBranch(ctx.client, ctx.repo, ctx.defaultBranch);
  if (base === undefined) {
    throw new AgentOsError(
      'not-found',
      `The default branch \`${ctx.defaultBranch}\` was not found, so there is nothing to start the spec branch from.`,
    );
  }
  return createBranchWithFiles(ctx.client, ctx.repo, {
    branch: location.branch,
    base,
    files: [{ path: location.requirementsPath, content: requirements }],
    message: `Shape spec for #${issue.number}: ${issue.title}\n\nAdds ${location.requirementsPath} from the issue, with the clarifying questions.`,
  });
}

/**
 * On the new spec branch: open the pull request (linked to its roadmap item), ask the questions, show the phase
 * label, and gate the new pull request's head from what was written.
 */
async function openAndAsk(
  ctx: LifecycleContext,
  input: ShapeInput,
  shaped: {
    location: SpecLocation;
    headSha: string;
    roadmap: Awaited<ReturnType<typeof readRoadmapFile>>;
    drafted: Awaited<ReturnType<typeof draftRequirements>>;
  },
): Promise<ShapeResult> {
  const { issue } = input;
  const { location, roadmap, drafted } = shaped;
  const { item } = matchRoadmap(roadmap, issue.title);
  const roadmapLink = item === undefined ? undefined : { number: item.number, title: item.title, path: roadmap.path };
  // A branch made a moment ago has no pull request yet: none is looked for first.
  const pr = await openPullRequest(ctx, issue, location, roadmapLink, true);
  const links = linksFor(ctx, location, pr);
  await upsertMarkedComment(ctx.client, ctx.repo, {
    number: issue.number,
    isOurs: (body) => markedAs(body, MARKERS.questions),
    body: renderQuestionsComment(input.eventKey, drafted.state.questions, links, drafted.note),
    comments: input.comments,
  });
  await showShaping(ctx, issue);
  if (pr.outcome !== 'created') return { status: 'shaped', links };
  const body = renderSpecPullRequestBody(issue.number, issue.title, location, roadmapLink);
  const gate = await gateNewSpecBranch(ctx, shaped.headSha, body, {
    path: location.requirementsPath,
    text: drafted.content,
  });
  return { status: 'shaped', links, gate };
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
  const onDefault = await readDefaultBranch(ctx, location);
  // No spec branch, but the folder is on the default branch: the spec was merged (and its branch deleted).
  if (onDefault.merged) {
    return {
      status: 'merged',
      location,
      folderUrl: treeUrl(ctx, ctx.defaultBranch, location.folder),
      message: `This issue's spec is already on \`${ctx.defaultBranch}\` in \`${location.folder}\` (its spec branch is gone, so it was probably merged). Change it there with a pull request; to shape it again from scratch, delete that folder first.`,
    };
  }
  const drafted = await draftRequirements(
    { ...ctx, workspace: githubSpecWorkspace(ctx.client, ctx.repo, ctx.defaultBranch) },
    { issue: { ...issue, url: issue.htmlUrl }, location, repositoryPaths: onDefault.paths },
  );
  const created = await createSpecBranch(ctx, issue, location, drafted.content);
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
  return openAndAsk(ctx, input, { location, headSha: created.sha, roadmap: onDefault.roadmap, drafted });
}
