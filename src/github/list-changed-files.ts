import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

export interface ChangedFile {
  path: string;
  removed: boolean;
}

/** Every file a pull request changes (paginated; GitHub lists at most 3,000). */
export async function listPullRequestFiles(client: GitHubClient, repo: RepoRef, number: number): Promise<ChangedFile[]> {
  try {
    const files = await client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
      ...repo,
      pull_number: number,
      per_page: 100,
    });
    return files.map((f) => ({ path: f.filename, removed: f.status === 'removed' }));
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
    return (data.files ?? []).map((f) => ({ path: f.filename, removed: f.status === 'removed' }));
  } catch (error) {
    throw toAgentOsError(error, `Comparing ${base.slice(0, 7)}...${head.slice(0, 7)}`);
  }
}
