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
    const { data } = await client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      ...repo,
      tree_sha: ref,
      recursive: '1',
    });
    const paths = data.tree
      .filter((e) => (e.type === 'blob' || e.type === 'tree') && typeof e.path === 'string')
      .map((e) => e.path);
    return { paths, truncated: data.truncated };
  } catch (error) {
    throw toAgentOsError(error, `Reading the repository tree at ${ref}`);
  }
}

export interface TreeEntry {
  path: string;
  type: 'blob' | 'tree';
  sha: string;
}

/**
 * Every file and folder of a commit with their SHAs, in one request, and its root tree's SHA; `undefined` when
 * GitHub cut the listing short (very large repositories: read file by file instead). A commit SHA names immutable
 * content, so an App keeping answers reads this once.
 */
export async function readCommitTree(
  client: GitHubClient,
  repo: RepoRef,
  commitSha: string,
): Promise<{ treeSha: string; entries: TreeEntry[] } | undefined> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      ...repo,
      tree_sha: commitSha,
      recursive: '1',
    });
    if (data.truncated) return undefined;
    const entries = data.tree.flatMap((e) =>
      (e.type === 'blob' || e.type === 'tree') && typeof e.path === 'string' && typeof e.sha === 'string'
        ? [{ path: e.path, type: e.type === 'blob' ? ('blob' as const) : ('tree' as const), sha: e.sha }]
        : [],
    );
    return { treeSha: data.sha, entries };
  } catch (error) {
    throw toAgentOsError(error, `Reading the tree of ${commitSha.slice(0, 7)}`);
  }
}
