import type { SpecFileLinks } from '../core/orchestration/group-prompt.js';
import type { SpecLocation } from '../core/spec/spec-location.js';
import { readBranch } from '../github/branches.js';
import { listDirectory, type DirectoryEntry } from '../github/list-directory.js';
import { readBlob } from '../github/read-file-at-ref.js';
import { readCommitTree, type TreeEntry } from '../github/read-repository-tree.js';
import { readFileOnBranch, type FileOnBranch } from '../github/write-files.js';
import type { LifecycleContext } from './lifecycle-context.js';

/** What orchestrate-tasks reads of a spec branch before it writes. */
export interface OrchestrationInputs {
  tasksFile: FileOnBranch | undefined;
  existingPlan: FileOnBranch | undefined;
  /** The commit the branch's next commit follows, and its tree. */
  head: { sha: string; treeSha: string } | undefined;
  /** The implementation prompts folder's entries (blob SHAs: compared, never read). */
  prompts: DirectoryEntry[];
  links: SpecFileLinks;
}

function linksOf(location: SpecLocation, visuals: readonly DirectoryEntry[]): SpecFileLinks {
  return {
    specFolder: location.folder,
    spec: location.specPath,
    requirements: location.requirementsPath,
    tasks: location.tasksPath,
    visuals: visuals.filter((v) => v.type === 'file').map((v) => v.path),
  };
}

/** The files right inside `folder` (not in its sub-folders), as a folder listing gives them. */
function filesIn(entries: readonly TreeEntry[], folder: string): DirectoryEntry[] {
  const prefix = `${folder}/`;
  return entries
    .filter((e) => e.type === 'blob' && e.path.startsWith(prefix) && !e.path.slice(prefix.length).includes('/'))
    .map((e) => ({ path: e.path, sha: e.sha, type: 'file' }));
}

async function fileOf(
  ctx: LifecycleContext,
  entries: readonly TreeEntry[],
  path: string,
): Promise<FileOnBranch | undefined> {
  const entry = entries.find((e) => e.type === 'blob' && e.path === path);
  if (entry === undefined) return undefined;
  const read = await readBlob(ctx.client, ctx.repo, path, entry.sha);
  return read.found ? { text: read.text, sha: entry.sha } : undefined;
}

/**
 * The spec branch at `headSha` (the branch head just read): its whole tree in one request, then only the files
 * that exist, by blob SHA (a text the App wrote or read before comes from its store). Missing files and folders
 * cost nothing, where reading each one cost a counted `404`. A tree GitHub cuts short (a very large repository)
 * is read file by file, as before.
 */
export async function readOrchestrationInputs(
  ctx: LifecycleContext,
  location: SpecLocation,
  headSha: string,
  orchestrationPath: string,
  promptsFolder: string,
): Promise<OrchestrationInputs> {
  const visualsFolder = `${location.folder}/planning/visuals`;
  const tree = await readCommitTree(ctx.client, ctx.repo, headSha);
  if (tree !== undefined) {
    const [tasksFile, existingPlan] = await Promise.all([
      fileOf(ctx, tree.entries, location.tasksPath),
      fileOf(ctx, tree.entries, orchestrationPath),
    ]);
    return {
      tasksFile,
      existingPlan,
      head: { sha: headSha, treeSha: tree.treeSha },
      prompts: filesIn(tree.entries, promptsFolder),
      links: linksOf(location, filesIn(tree.entries, visualsFolder)),
    };
  }
  const [tasksFile, existingPlan, head, prompts, visuals] = await Promise.all([
    readFileOnBranch(ctx.client, ctx.repo, location.tasksPath, location.branch),
    readFileOnBranch(ctx.client, ctx.repo, orchestrationPath, location.branch),
    readBranch(ctx.client, ctx.repo, location.branch),
    listDirectory(ctx.client, ctx.repo, promptsFolder, location.branch),
    listDirectory(ctx.client, ctx.repo, visualsFolder, location.branch),
  ]);
  return { tasksFile, existingPlan, head, prompts, links: linksOf(location, visuals) };
}
