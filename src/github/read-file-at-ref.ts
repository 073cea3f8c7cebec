import { rememberBlob } from './conditional-requests.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

export type FileAtRef = { found: true; text: string } | { found: false };

/** Read a text file at a commit through the contents API (raw, so files over 1 MB work too). */
export async function readFileAtRef(
  client: GitHubClient,
  repo: RepoRef,
  path: string,
  ref: string,
): Promise<FileAtRef> {
  try {
    const response = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...repo,
      path,
      ref,
      mediaType: { format: 'raw' },
    });
    const data: unknown = response.data;
    const text =
      typeof data === 'string' ? data : data instanceof ArrayBuffer ? new TextDecoder().decode(data) : undefined;
    if (text !== undefined) {
      await rememberBlob(client, repo, text);
      return { found: true, text };
    }
    if (Array.isArray(data)) return { found: false };
    throw new Error(`expected the file's text, got ${typeof data}`);
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return { found: false };
    throw toAgentOsError(error, `Reading ${path} at ${ref.slice(0, 7)}`);
  }
}

/** Read a file by its git blob SHA (content-addressed: an App keeping conditional answers reads it only once). */
export async function readBlob(client: GitHubClient, repo: RepoRef, path: string, sha: string): Promise<FileAtRef> {
  try {
    const response = await client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
      ...repo,
      file_sha: sha,
      mediaType: { format: 'raw' },
    });
    const data: unknown = response.data;
    if (typeof data === 'string') return { found: true, text: data };
    if (data instanceof ArrayBuffer) return { found: true, text: new TextDecoder().decode(data) };
    throw new Error(`expected the file's text, got ${typeof data}`);
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return { found: false };
    throw toAgentOsError(error, `Reading ${path} (blob ${sha.slice(0, 7)})`);
  }
}
