import pLimit from 'p-limit';
import { AgentOsError } from '../core/errors.js';
import { detectTechStack, type RepositoryFile } from '../core/product/detect-tech-stack.js';
import { isStackFile, PRODUCT_FILE_NAMES, productFolder, STACK_FILE_PATHS } from '../core/product/product-files.js';
import {
  foldProductAnswers,
  missingProductInfo,
  parseProductBrief,
  type ProductBrief,
} from '../core/product/parse-product-brief.js';
import { renderProductQuestions } from '../core/product/render-product.js';
import { markerLine } from '../core/spec/render-comments.js';
import { readBranch } from '../github/branches.js';
import { commitFilesOnBranch } from '../github/commit-files.js';
import { gitBlobSha } from '../github/git-blob-sha.js';
import { githubSpecWorkspace } from '../github/github-spec-workspace.js';
import { upsertMarkedComment, type IssueComment } from '../github/issue-comments.js';
import { listDirectory } from '../github/list-directory.js';
import { findOrOpenPullRequest } from '../github/pull-requests.js';
import { readFileAtRef } from '../github/read-file-at-ref.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import { createBranchWithFiles, type FileToWrite } from '../github/write-files.js';
import type { DraftingNote } from '../core/model/render-drafting-note.js';
import { planProductFiles } from './plan-product-files.js';
import { treeUrl, type LifecycleContext } from './lifecycle-context.js';

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

/** Manifests read at once. */
const READ_CONCURRENCY = 4;

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

/** The folders the stack files are in: the root, the workflows, and those of `STACK_FILE_PATHS` (`.circleci`). */
const STACK_FOLDERS: readonly string[] = [
  ...new Set([
    '',
    '.github/workflows',
    ...STACK_FILE_PATHS.filter((p) => p.includes('/')).map((p) => p.slice(0, p.lastIndexOf('/'))),
  ]),
];

/** The repository's manifests on its default branch: those of `STACK_FILE_PATHS` and workflow files (a few requests). */
export async function readStackFiles(ctx: LifecycleContext): Promise<RepositoryFile[]> {
  const listings = await Promise.all(
    STACK_FOLDERS.map((folder) => listDirectory(ctx.client, ctx.repo, folder, ctx.defaultBranch)),
  );
  const paths = listings
    .flat()
    .filter((e) => e.type === 'file' && isStackFile(e.path))
    .map((e) => e.path);
  const limit = pLimit(READ_CONCURRENCY);
  const files = await Promise.all(
    paths.map((path) =>
      limit(async () => {
        const read = await readFileAtRef(ctx.client, ctx.repo, path, ctx.defaultBranch);
        return read.found ? { path, content: read.text } : undefined;
      }),
    ),
  );
  return files.filter((f): f is RepositoryFile => f !== undefined);
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
  const remaining = new Set(missingProductInfo(brief).map((q) => q.topic));
  // Still-open questions keep the numbers they were first asked with, so replies already written stay right.
  const asked = missingProductInfo(parseProductBrief(issue.title, issue.body)).filter((q) => remaining.has(q.topic));
  const missing = asked.length === remaining.size ? asked : missingProductInfo(brief);
  if (missing.length > 0) {
    const text = renderProductQuestions(missing);
    const current = comments.find((c) => c.byBot && c.body.startsWith(`<!-- ${PRODUCT_QUESTIONS_MARKER} `));
    // The same questions asked again: the comment stays as it is (rewriting only its hidden marker is no change).
    const same = current !== undefined && current.body.slice(current.body.indexOf('\n') + 1) === text;
    const written = await upsertMarkedComment(ctx.client, ctx.repo, {
      number: issue.number,
      isOurs: (body) => body.startsWith(`<!-- ${PRODUCT_QUESTIONS_MARKER} `),
      body: same ? current.body : `${markerLine(PRODUCT_QUESTIONS_MARKER, options.eventKey)}\n${text}`,
      comments,
    });
    return { status: 'asked', questions: missing.length, comment: written.outcome, commentId: written.comment.id };
  }

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
  const useModel = ctx.model !== undefined && ctx.settings.drafter === 'model' && options.deterministic !== true;
  const productPaths = {
    mission: `${folder}/${PRODUCT_FILE_NAMES.mission}`,
    roadmap: `${folder}/${PRODUCT_FILE_NAMES.roadmap}`,
  };
  const plan = await planProductFiles(
    {
      tree: githubSpecWorkspace(ctx.client, ctx.repo, ctx.defaultBranch),
      // When the product branch exists (`/plan-product --force`), a plan the model drafted there for these inputs is kept.
      ...(head === undefined ? {} : { existing: githubSpecWorkspace(ctx.client, ctx.repo, branch) }),
    },
    // A kept branch is not rewritten, so the model is not asked.
    {
      settings: ctx.settings,
      log: ctx.log,
      ...(useModel && ctx.model !== undefined && (head === undefined || options.force) ? { model: ctx.model } : {}),
    },
    { brief, issueBody: issue.body, stack, paths: productPaths },
  );
  const { drafting, roadmapItems } = plan;
  const files: FileToWrite[] = [
    { path: `${folder}/${PRODUCT_FILE_NAMES.mission}`, content: plan.mission },
    { path: `${folder}/${PRODUCT_FILE_NAMES.roadmap}`, content: plan.roadmap },
    { path: `${folder}/${PRODUCT_FILE_NAMES.techStack}`, content: plan.techStack },
  ];
  const message = `Plan product from #${issue.number}: ${brief.name}\n\nmission.md, roadmap.md (${roadmapItems} items) and tech-stack.md (${stack.length} entries detected from the repository).`;
  let status: 'opened' | 'updated' | 'unchanged' | 'kept' = 'opened';
  if (head === undefined) {
    const base = await readBranch(ctx.client, ctx.repo, ctx.defaultBranch);
    if (base === undefined)
      throw new AgentOsError('not-found', `The default branch \`${ctx.defaultBranch}\` could not be read.`);
    await createBranchWithFiles(ctx.client, ctx.repo, { branch, base, files, message });
  } else if (!options.force) {
    status = 'kept';
  } else {
    const onBranch = new Map((await listDirectory(ctx.client, ctx.repo, folder, branch)).map((e) => [e.path, e.sha]));
    const changed = files.filter((f) => onBranch.get(f.path) !== gitBlobSha(f.content));
    if (changed.length > 0) await commitFilesOnBranch(ctx.client, ctx.repo, { branch, head, files: changed, message });
    status = changed.length > 0 ? 'updated' : 'unchanged';
  }
  const pr = await findOrOpenPullRequest(ctx.client, ctx.repo, {
    head: branch,
    base: ctx.defaultBranch,
    title: `Plan product: ${brief.name}`.slice(0, 256),
    body: [
      `Product plan from #${issue.number}, in the Agent OS layout:`,
      '',
      `- \`${files[0]?.path ?? ''}\`: pitch, users, the problem, differentiators, key features`,
      `- \`${files[1]?.path ?? ''}\`: ${roadmapItems} roadmap items, each an end-to-end testable feature with an effort size`,
      `- \`${files[2]?.path ?? ''}\`: ${stack.length === 0 ? 'no manifests found; fill it in by hand' : `${stack.length} entries detected from the repository, each naming where it was found`}`,
      '',
      'Edit the files on this branch as you like before merging. Specs shaped later are matched to roadmap items by title, and a merged spec ticks its item.',
    ].join('\n'),
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
