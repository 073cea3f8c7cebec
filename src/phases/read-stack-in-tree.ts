import pLimit from 'p-limit';
import { detectTechStack, type RepositoryFile, type StackEntry } from '../core/product/detect-tech-stack.js';
import { isStackFile, PRESENCE_ONLY_STACK_FILES } from '../core/product/product-files.js';
import { githubSpecWorkspace } from '../github/github-spec-workspace.js';
import type { LifecycleContext } from './lifecycle-context.js';
import type { SpecWorkspace } from './ports/spec-workspace.js';

/** Manifests read for a model's grounding, at most: the stack is context, and each read is a request. */
export const MAX_STACK_READS = 8;

/** Which of a tree's paths the stack detection reads (at most `MAX_STACK_READS`), and the lock files it only needs to see. */
export function stackReadPlan(paths: readonly string[]): { read: string[]; present: RepositoryFile[] } {
  const stackPaths = paths.filter((p) => isStackFile(p));
  return {
    read: stackPaths.filter((p) => !PRESENCE_ONLY_STACK_FILES.has(p)).slice(0, MAX_STACK_READS),
    present: stackPaths.filter((p) => PRESENCE_ONLY_STACK_FILES.has(p)).map((path) => ({ path, content: '' })),
  };
}

/** The stack from the plan's files as read (`undefined`: could not be read, left out). */
export function stackOf(
  plan: { read: readonly string[]; present: readonly RepositoryFile[] },
  texts: ReadonlyArray<string | undefined>,
): StackEntry[] {
  const read = plan.read.flatMap((path, i) => {
    const content = texts[i];
    return content === undefined ? [] : [{ path, content }];
  });
  return detectTechStack([...read, ...plan.present]);
}

/**
 * The tech stack of a workspace, for a model's grounding: the same detection plan-product writes tech-stack.md with,
 * over the manifests the tree (already read) shows, at most `MAX_STACK_READS` of them; files the caller already
 * read (`known`) cost no read. Only ever called when a model drafts.
 */
export async function readStackInWorkspace(
  workspace: Pick<SpecWorkspace, 'readFile'>,
  paths: readonly string[],
  known: ReadonlyMap<string, string> = new Map(),
): Promise<StackEntry[]> {
  const plan = stackReadPlan(paths);
  const limit = pLimit(4);
  const texts = await Promise.all(
    plan.read.map((path) =>
      limit(async () => known.get(path) ?? (await workspace.readFile(path).catch(() => undefined))?.text),
    ),
  );
  return stackOf(plan, texts);
}

/** `readStackInWorkspace` on a branch of the repository (one contents request a manifest not already read). */
export function readStackInTree(
  ctx: Pick<LifecycleContext, 'client' | 'repo'>,
  paths: readonly string[],
  ref: string,
  known: ReadonlyMap<string, string> = new Map(),
): Promise<StackEntry[]> {
  return readStackInWorkspace(githubSpecWorkspace(ctx.client, ctx.repo, ref), paths, known);
}
