import pLimit from 'p-limit';
import { detectTechStack, type StackEntry } from '../core/product/detect-tech-stack.js';
import { isStackFile } from '../core/product/product-files.js';
import { readFileOnBranch } from '../github/write-files.js';
import type { LifecycleContext } from './lifecycle-context.js';

/** Manifests read for a model's grounding, at most: the stack is context, and each read is a request. */
export const MAX_STACK_READS = 8;

/** Files the detector reads for their presence only: never fetched (they can be megabytes). */
const PRESENCE_ONLY = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb', 'poetry.lock', 'uv.lock']);

/**
 * The tech stack of a branch, for a model's grounding: the same detection plan-product writes tech-stack.md with,
 * over the manifests the tree (already read) shows, at most `MAX_STACK_READS` of them; files the caller already
 * read (`known`) cost no request. Only ever called when a model drafts.
 */
export async function readStackInTree(ctx: LifecycleContext, paths: readonly string[], ref: string, known: ReadonlyMap<string, string> = new Map()): Promise<StackEntry[]> {
  const stackPaths = paths.filter((p) => isStackFile(p));
  const present = stackPaths.filter((p) => PRESENCE_ONLY.has(p)).map((path) => ({ path, content: '' }));
  const wanted = stackPaths.filter((p) => !PRESENCE_ONLY.has(p)).slice(0, MAX_STACK_READS);
  const limit = pLimit(4);
  const files = await Promise.all(
    wanted.map((path) =>
      limit(async () => {
        const text = known.get(path) ?? (await readFileOnBranch(ctx.client, ctx.repo, path, ref).catch(() => undefined))?.text;
        return text === undefined ? undefined : { path, content: text };
      }),
    ),
  );
  return detectTechStack([...files.filter((f): f is { path: string; content: string } => f !== undefined), ...present]);
}
