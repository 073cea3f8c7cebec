import pLimit from 'p-limit';
import type { RepositoryFile } from '../core/product/detect-tech-stack.js';
import { isStackFile, STACK_FILE_PATHS } from '../core/product/product-files.js';
import { listDirectory } from '../github/list-directory.js';
import { readFileAtRef } from '../github/read-file-at-ref.js';
import type { LifecycleContext } from './lifecycle-context.js';

/** Manifests read at once. */
const READ_CONCURRENCY = 4;

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
