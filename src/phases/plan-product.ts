import { AgentOsError } from '../core/errors.js';
import { detectTechStack } from '../core/product/detect-tech-stack.js';
import {
  PRODUCT_FILE_NAMES,
  productFilePaths,
  productFolder,
  type ProductFileKind,
} from '../core/product/product-files.js';
import type { StackEntry } from '../core/product/stack-entry.js';
import type { ChatModel } from '../core/model/chat-model.js';
import {
  foldProductAnswers,
  missingProductInfo,
  parseProductBrief,
  type ProductBrief,
} from '../core/product/parse-product-brief.js';
import { renderProductQuestions } from '../core/product/render-product.js';
import { markerLine } from '../core/spec/render-comments.js';
import { readBranch } from '../github/branches.js';
import { githubSpecWorkspace, type BranchState } from '../github/github-spec-workspace.js';
import { upsertMarkedComment, type IssueComment } from '../github/issue-comments.js';
import { listDirectory } from '../github/list-directory.js';
import { findOrOpenPullRequest } from '../github/pull-requests.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import type { DraftingNote } from '../core/model/render-drafting-note.js';
import { draftingDeps, treeUrl, type LifecycleContext } from './lifecycle-context.js';
import { readStackFiles } from './read-stack-files.js';
import { writeProductFiles } from './write-product-files.js';

/** The hidden first line of the product questions comment (one per issue). */
export const PRODUCT_QUESTIONS_MARKER = 'agent-os-github:product-questions';

export type PlanProductResult =
  | {
      status: 'asked';
      questions: number;
      /** What asking did to the questions comment: written for this event (it is the reply), or left as it was. */
      comment: 'created' | 'updated' | 'unchanged';
      commentId: number;
    }
  | { status: 'exists'; folderUrl: string }
  | {
      status: 'opened' | 'updated' | 'unchanged' | 'kept';
      pullRequest: { number: number; url: string };
      branch: string;
      stack: number;
      features: number;
      /** How a model drafted mission.md and roadmap.md, when one is configured and wanted. */
      drafting?: DraftingNote;
    };

/** The issue's product description, with the answers its author gave to our questions folded in. */
export function productBriefOf(issue: IssueSnapshot, comments: readonly IssueComment[]): ProductBrief {
  let brief = parseProductBrief(issue.title, issue.body);
  const asked = comments.find((c) => c.byBot && c.body.startsWith(`<!-- ${PRODUCT_QUESTIONS_MARKER} `));
  if (asked === undefined) return brief;
  // The questions as first asked (they follow from the issue alone), so every reply's numbers mean the same.
  const questions = missingProductInfo(brief);
  for (const reply of comments) {
    if (reply.byBot || reply.id < asked.id || reply.author !== issue.author) continue;
    brief = foldProductAnswers(brief, questions, reply.body);
  }
  return brief;
}

/** Still-open questions, numbered as first asked, so replies already written stay right. */
function openQuestions(issue: IssueSnapshot, brief: ProductBrief) {
  const remaining = new Set(missingProductInfo(brief).map((q) => q.topic));
  const asked = missingProductInfo(parseProductBrief(issue.title, issue.body)).filter((q) => remaining.has(q.topic));
  return asked.length === remaining.size ? asked : missingProductInfo(brief);
}

/** The questions comment (one per issue, kept up to date), when the issue lacks what Agent OS needs. */
async function askForProductInfo(
  ctx: LifecycleContext,
  issue: IssueSnapshot,
  input: { comments: readonly IssueComment[]; brief: ProductBrief; eventKey: string },
): Promise<Extract<PlanProductResult, { status: 'asked' }> | undefined> {
  const { comments } = input;
  const missing = openQuestions(issue, input.brief);
  if (missing.length === 0) return undefined;
  const text = renderProductQuestions(missing);
  const current = comments.find((c) => c.byBot && c.body.startsWith(`<!-- ${PRODUCT_QUESTIONS_MARKER} `));
  // The same questions asked again: the comment stays as it is (rewriting only its hidden marker is no change).
  const same = current !== undefined && current.body.slice(current.body.indexOf('\n') + 1) === text;
  const written = await upsertMarkedComment(ctx.client, ctx.repo, {
    number: issue.number,
    isOurs: (body) => body.startsWith(`<!-- ${PRODUCT_QUESTIONS_MARKER} `),
    body: same ? current.body : `${markerLine(PRODUCT_QUESTIONS_MARKER, input.eventKey)}\n${text}`,
    comments,
  });
  return { status: 'asked', questions: missing.length, comment: written.outcome, commentId: written.comment.id };
}

/**
 * Where the product files go: the product branch as just read (its files' blob SHAs listed, so only changed ones are
 * committed), or, when it does not exist yet, a new branch from the default branch's head holding all of them.
 */
async function productBranchState(
  ctx: LifecycleContext,
  target: { branch: string; folder: string; head: { sha: string; treeSha: string } | undefined },
): Promise<BranchState> {
  const { branch, folder, head } = target;
  if (head !== undefined) {
    const listed = await listDirectory(ctx.client, ctx.repo, folder, branch);
    return { head, blobs: new Map(listed.map((e) => [e.path, e.sha])) };
  }
  const base = await readBranch(ctx.client, ctx.repo, ctx.defaultBranch);
  if (base === undefined)
    throw new AgentOsError('not-found', `The default branch \`${ctx.defaultBranch}\` could not be read.`);
  return { head: base, blobs: new Map(), create: true };
}

/** The product pull request's body: what each file holds. */
function productPullRequestBody(
  issue: IssueSnapshot,
  paths: Readonly<Record<ProductFileKind, string>>,
  counts: { roadmapItems: number; stack: number },
): string {
  const { roadmapItems, stack } = counts;
  return [
    `Product plan from #${issue.number}, in the Agent OS layout:`,
    '',
    `- \`${paths.mission}\`: pitch, users, the problem, differentiators, key features`,
    `- \`${paths.roadmap}\`: ${roadmapItems} roadmap items, each an end-to-end testable feature with an effort size`,
    `- \`${paths.techStack}\`: ${stack === 0 ? 'no manifests found; fill it in by hand' : `${stack} entries detected from the repository, each naming where it was found`}`,
    '',
    'Edit the files on this branch as you like before merging. Specs shaped later are matched to roadmap items by title, and a merged spec ticks its item.',
  ].join('\n');
}

/**
 * The product files on the product branch: written (a new branch, or with `force` a commit of the changed files on
 * the existing one), or kept as they are (the branch exists, no `force`: no model is asked either).
 */
async function writeProductBranch(
  ctx: LifecycleContext,
  issue: IssueSnapshot,
  input: {
    brief: ProductBrief;
    stack: readonly StackEntry[];
    paths: Readonly<Record<ProductFileKind, string>>;
    branch: string;
    head: { sha: string; treeSha: string } | undefined;
    force: boolean;
    model: ChatModel | undefined;
  },
): Promise<{ status: 'opened' | 'updated' | 'unchanged' | 'kept'; roadmapItems: number; drafting?: DraftingNote }> {
  const { brief, stack, paths, branch, head } = input;
  if (head !== undefined && !input.force) return { status: 'kept', roadmapItems: brief.features.length };
  const folder = productFolder(ctx.settings.specRoot);
  const state = await productBranchState(ctx, { branch, folder, head });
  const written = await writeProductFiles(
    githubSpecWorkspace(ctx.client, ctx.repo, branch, state),
    {
      tree: githubSpecWorkspace(ctx.client, ctx.repo, ctx.defaultBranch),
      // When the product branch exists (`/plan-product --force`), a plan the model drafted there for these inputs is kept.
      ...(head === undefined ? {} : { existing: githubSpecWorkspace(ctx.client, ctx.repo, branch) }),
    },
    { settings: ctx.settings, log: ctx.log, ...(input.model === undefined ? {} : { model: input.model }) },
    {
      brief,
      issueBody: issue.body,
      stack,
      paths,
      replace: true,
      message: (plan) =>
        `Plan product from #${issue.number}: ${brief.name}\n\nmission.md, roadmap.md (${plan?.roadmapItems ?? 0} items) and tech-stack.md (${stack.length} entries detected from the repository).`,
    },
  );
  if (written.status !== 'written')
    throw new AgentOsError('internal', 'plan-product: the product files were not written.');
  const status = head === undefined ? 'opened' : written.written.length > 0 ? 'updated' : 'unchanged';
  const drafting = written.plan?.drafting;
  return {
    status,
    roadmapItems: written.plan?.roadmapItems ?? brief.features.length,
    ...(drafting === undefined ? {} : { drafting }),
  };
}

/**
 * plan-product: mission.md, roadmap.md and tech-stack.md (detected from the repository's manifests) on the
 * branch `<prefix>product`, in a pull request. Asks first (one comment, kept up to date) when the issue lacks
 * what Agent OS needs; never overwrites product docs that exist unless `force`.
 */
export async function planProduct(
  ctx: LifecycleContext,
  issue: IssueSnapshot,
  comments: readonly IssueComment[],
  options: { force: boolean; eventKey: string; deterministic?: boolean },
): Promise<PlanProductResult> {
  if (issue.isPullRequest)
    throw new AgentOsError(
      'user-input',
      '`/plan-product` works on issues: comment it on an issue that describes the product.',
    );
  const brief = productBriefOf(issue, comments);
  const asked = await askForProductInfo(ctx, issue, { comments, brief, eventKey: options.eventKey });
  if (asked !== undefined) return asked;

  const folder = productFolder(ctx.settings.specRoot);
  const branch = `${ctx.settings.branchPrefix}product`;
  const [onDefault, head, stackFiles] = await Promise.all([
    listDirectory(ctx.client, ctx.repo, folder, ctx.defaultBranch),
    readBranch(ctx.client, ctx.repo, branch),
    readStackFiles(ctx),
  ]);
  const names = Object.values(PRODUCT_FILE_NAMES) as string[];
  if (!options.force && onDefault.some((e) => names.includes(e.path.slice(folder.length + 1)))) {
    return { status: 'exists', folderUrl: treeUrl(ctx, ctx.defaultBranch, folder) };
  }
  const stack = detectTechStack(stackFiles);
  const paths = productFilePaths(ctx.settings.specRoot);
  const { status, roadmapItems, drafting } = await writeProductBranch(ctx, issue, {
    brief,
    stack,
    paths,
    branch,
    head,
    force: options.force,
    model: draftingDeps(ctx, options.deterministic).model,
  });
  const pr = await findOrOpenPullRequest(ctx.client, ctx.repo, {
    head: branch,
    base: ctx.defaultBranch,
    title: `Plan product: ${brief.name}`.slice(0, 256),
    body: productPullRequestBody(issue, paths, { roadmapItems, stack: stack.length }),
    draft: ctx.settings.draftPullRequests,
    openOnly: true,
  });
  return {
    status,
    pullRequest: { number: pr.number, url: pr.url },
    branch,
    stack: stack.length,
    features: roadmapItems,
    ...(drafting === undefined ? {} : { drafting }),
  };
}
