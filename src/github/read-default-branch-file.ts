import { storeOf } from './conditional-requests.js';
import { gitBlobSha } from './git-blob-sha.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { readFileOnBranch, type FileOnBranch } from './write-files.js';
import { toAgentOsError } from './to-agent-os-error.js';

export type DefaultBranchFile = { found: true; text: string } | { found: false };

interface Entry {
  name: string;
  type: string;
  sha: string;
}

function entryNamed(entries: readonly Entry[], name: string): Entry | undefined {
  return entries.find((e) => e.name === name);
}

/**
 * A file on the default branch, found by walking from the repository's root listing: the root folder (a
 * conditional read: `304` while the default branch has not moved), then each folder and the file by their git SHA
 * (named by their content, so read at most once). A missing file is then proven by answers GitHub can validate,
 * where reading it directly gives a `404`, which has no ETag and counts against the rate limit every time.
 */
export async function readDefaultBranchFile(
  client: GitHubClient,
  repo: RepoRef,
  path: string,
  branch?: string,
): Promise<DefaultBranchFile> {
  const parts = path.split('/');
  const name = parts.pop() ?? '';
  try {
    const root = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...repo,
      path: '',
      ...(branch === undefined ? {} : { ref: branch }),
    });
    if (!Array.isArray(root.data)) return { found: false };
    let entries: Entry[] = root.data.map((e) => ({
      name: e.name,
      type: e.type === 'dir' ? 'tree' : e.type === 'file' ? 'blob' : e.type,
      sha: e.sha,
    }));
    for (const folder of parts) {
      const entry = entryNamed(entries, folder);
      if (entry?.type !== 'tree') return { found: false };
      const { data } = await client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
        ...repo,
        tree_sha: entry.sha,
      });
      entries = data.tree.map((e) => ({ name: e.path, type: e.type, sha: e.sha }));
    }
    const file = entryNamed(entries, name);
    if (file?.type !== 'blob') return { found: false };
    const blob = await client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
      ...repo,
      file_sha: file.sha,
      mediaType: { format: 'raw' },
    });
    const data: unknown = blob.data;
    if (typeof data === 'string') return { found: true, text: data };
    if (data instanceof ArrayBuffer) return { found: true, text: new TextDecoder().decode(data) };
    throw new Error(`expected the file's text, got ${typeof data}`);
  } catch (error) {
    // An empty repository has no root folder yet.
    if ((error as { status?: unknown }).status === 404) return { found: false };
    throw toAgentOsError(error, `Reading ${path} on the default branch`);
  }
}

/**
 * A file on the default branch with its blob SHA: for an App keeping conditional answers, through the root listing
 * (a missing file costs no counted request while the branch has not moved); otherwise one contents read.
 */
export async function readFileOnDefaultBranch(
  client: GitHubClient,
  repo: RepoRef,
  path: string,
  defaultBranch: string,
): Promise<FileOnBranch | undefined> {
  if (storeOf(client) === undefined) return readFileOnBranch(client, repo, path, defaultBranch);
  // The root listing without a ref is the default branch's: the same read (and ETag) as the configuration's.
  const file = await readDefaultBranchFile(client, repo, path);
  return file.found ? { text: file.text, sha: gitBlobSha(file.text) } : undefined;
}
