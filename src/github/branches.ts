import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

export interface BranchHead {
  branch: string;
  sha: string;
}

/** The head commit of a branch and its tree, in one request. */
export async function readBranch(
  client: GitHubClient,
  repo: RepoRef,
  branch: string,
): Promise<{ sha: string; treeSha: string } | undefined> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/branches/{branch}', { ...repo, branch });
    return { sha: data.commit.sha, treeSha: data.commit.commit.tree.sha };
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return undefined;
    throw toAgentOsError(error, `Reading the branch ${branch}`);
  }
}

/**
 * The branches whose names start with `prefix` (`agent-os/12-`), oldest name first. One request whatever the
 * issue's title became since its spec branch was made.
 */
export async function findBranchesWithPrefix(
  client: GitHubClient,
  repo: RepoRef,
  prefix: string,
): Promise<BranchHead[]> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
      ...repo,
      ref: `heads/${prefix}`,
    });
    return data
      .map((r) => ({ branch: r.ref.replace(/^refs\/heads\//, ''), sha: r.object.sha }))
      .sort((a, b) => a.branch.localeCompare(b.branch));
  } catch (error) {
    throw toAgentOsError(error, `Looking for branches named ${prefix}…`);
  }
}
