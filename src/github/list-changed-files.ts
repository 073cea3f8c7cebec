import { textOfAddedFile } from '../core/diff/text-of-added-file.js';
import { gitBlobSha } from './git-blob-sha.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

export interface ChangedFile {
  path: string;
  removed: boolean;
  /** The file's git blob SHA at the head (names its content), when GitHub gives it. */
  blobSha?: string;
  /** An added file's diff as GitHub lists it (absent when GitHub leaves it out: a large or binary file). */
  addedPatch?: string;
}

function changedFile(f: { filename: string; status: string; sha?: string | null; patch?: string | null }): ChangedFile {
  const removed = f.status === 'removed';
  return {
    path: f.filename,
    removed,
    ...(!removed && typeof f.sha === 'string' && /^[0-9a-f]{40}$/.test(f.sha) ? { blobSha: f.sha } : {}),
    ...(f.status === 'added' && typeof f.patch === 'string' ? { addedPatch: f.patch } : {}),
  };
}

/**
 * The text of a file the pull request adds, taken from the diff the file list already holds, and only when its blob
 * SHA is the one GitHub lists (the same bytes): a spec's own pull request adds its tasks.md and spec.md, so a push
 * that ticks a task is gated without reading either. Undefined when the diff cannot give it: read the file then.
 */
export function textFromFileList(file: ChangedFile): string | undefined {
  if (file.addedPatch === undefined || file.blobSha === undefined) return undefined;
  const text = textOfAddedFile(file.addedPatch);
  return text !== undefined && gitBlobSha(text) === file.blobSha ? text : undefined;
}

/** Every file a pull request changes (paginated; GitHub lists at most 3,000). */
export async function listPullRequestFiles(
  client: GitHubClient,
  repo: RepoRef,
  number: number,
): Promise<ChangedFile[]> {
  try {
    const files = await client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
      ...repo,
      pull_number: number,
      per_page: 100,
    });
    return files.map(changedFile);
  } catch (error) {
    throw toAgentOsError(error, `Listing the files of pull request #${number}`);
  }
}

/** Files changed between two commits (a merge group's base and head). */
export async function listComparedFiles(
  client: GitHubClient,
  repo: RepoRef,
  base: string,
  head: string,
): Promise<ChangedFile[]> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      ...repo,
      basehead: `${base}...${head}`,
      per_page: 100,
    });
    return (data.files ?? []).map(changedFile);
  } catch (error) {
    throw toAgentOsError(error, `Comparing ${base.slice(0, 7)}...${head.slice(0, 7)}`);
  }
}
