import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

export interface DirectoryEntry {
  path: string;
  /** The blob (or tree) SHA: compare with `gitBlobSha` instead of reading the file. */
  sha: string;
  type: 'file' | 'dir' | 'symlink' | 'submodule';
}

/** The entries of a folder at a ref (one request); an absent folder is empty. */
export async function listDirectory(
  client: GitHubClient,
  repo: RepoRef,
  path: string,
  ref: string,
): Promise<DirectoryEntry[]> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', { ...repo, path, ref });
    if (!Array.isArray(data)) return [];
    return data.map((entry) => ({ path: entry.path, sha: entry.sha, type: entry.type }));
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return [];
    throw toAgentOsError(error, `Listing ${path === '' ? 'the repository' : path} at ${ref}`);
  }
}
