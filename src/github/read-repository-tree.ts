import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

export interface RepositoryTree {
  /** Every file and folder path at the ref. */
  paths: string[];
  /** GitHub cut the listing short (very large repositories). */
  truncated: boolean;
}

/** The whole tree of a branch or commit in one request (`git/trees/{ref}?recursive=1`). */
export async function readRepositoryTree(client: GitHubClient, repo: RepoRef, ref: string): Promise<RepositoryTree> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { ...repo, tree_sha: ref, recursive: '1' });
    const paths = data.tree.filter((e) => (e.type === 'blob' || e.type === 'tree') && typeof e.path === 'string').map((e) => e.path);
    return { paths, truncated: data.truncated };
  } catch (error) {
    throw toAgentOsError(error, `Reading the repository tree at ${ref}`);
  }
}
