import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

export interface ChangedFile {
  path: string;
  removed: boolean;
  /** The file's git blob SHA at the head (names its content), when GitHub gives it. */
  blobSha?: string;
}

function changedFile(f: { filename: string; status: string; sha?: string | null }): ChangedFile {
  const removed = f.status === 'removed';
  return { path: f.filename, removed, ...(!removed && typeof f.sha === 'string' && /^[0-9a-f]{40}$/.test(f.sha) ? { blobSha: f.sha } : {}) };
}

/** Every file a pull request changes (paginated; GitHub lists at most 3,000). */
export async function listPullRequestFiles(client: GitHubClient, repo: RepoRef, number: number): Promise<ChangedFile[]> {
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
export async function listComparedFiles(client: GitHubClient, repo: RepoRef, base: string, head: string): Promise<ChangedFile[]> {
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
