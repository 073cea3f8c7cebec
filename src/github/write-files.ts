import { createCommit } from './commit-files.js';
import { rememberBlob } from './conditional-requests.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

export interface FileToWrite {
  path: string;
  content: string;
}

export type CreateBranchResult = { created: true; sha: string } | { created: false };

/**
 * Create `branch` holding one new commit on top of `base` that adds `files`: tree, commit, then the ref last,
 * so the branch appears complete or not at all. When the branch already exists (another delivery won the
 * race) nothing is changed and `created` is false.
 */
export async function createBranchWithFiles(
  client: GitHubClient,
  repo: RepoRef,
  request: { branch: string; base: { sha: string; treeSha: string }; files: readonly FileToWrite[]; message: string },
): Promise<CreateBranchResult> {
  try {
    const sha = await createCommit(client, repo, {
      parent: request.base,
      files: request.files,
      message: request.message,
    });
    await client.request('POST /repos/{owner}/{repo}/git/refs', { ...repo, ref: `refs/heads/${request.branch}`, sha });
    return { created: true, sha };
  } catch (error) {
    const http = error as { status?: unknown; message?: unknown };
    if (http.status === 422 && typeof http.message === 'string' && /already exists/i.test(http.message))
      return { created: false };
    throw toAgentOsError(error, `Creating the branch ${request.branch}`);
  }
}

/** Wait before trying a write again after GitHub's server error. */
const SERVER_ERROR_RETRY_MS = 1000;

export interface FileOnBranch {
  text: string;
  /** Blob SHA, needed to update the file. */
  sha: string;
}

/** A text file on a branch with its blob SHA, or `undefined` when there is none. */
export async function readFileOnBranch(
  client: GitHubClient,
  repo: RepoRef,
  path: string,
  branch: string,
): Promise<FileOnBranch | undefined> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', { ...repo, path, ref: branch });
    if (Array.isArray(data) || data.type !== 'file') return undefined;
    const file = data as { sha: string; content?: string; encoding?: string };
    let text: string;
    if (file.encoding === 'base64' && file.content !== undefined) {
      text = new TextDecoder().decode(Buffer.from(file.content, 'base64'));
    } else {
      // Files over 1 MB come without content: read them raw.
      const raw = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
        ...repo,
        path,
        ref: branch,
        mediaType: { format: 'raw' },
      });
      text = typeof raw.data === 'string' ? raw.data : new TextDecoder().decode(raw.data as unknown as ArrayBuffer);
    }
    await rememberBlob(client, repo, text);
    return { sha: file.sha, text };
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return undefined;
    throw toAgentOsError(error, `Reading ${path} on ${branch}`);
  }
}

/**
 * Create or update one file on a branch in one commit. With `sha` (the blob it replaces) GitHub refuses the
 * write when the file changed in between (a `conflict` error), so nobody's change is overwritten.
 */
export async function writeFileOnBranch(
  client: GitHubClient,
  repo: RepoRef,
  request: { branch: string; path: string; content: string; message: string; sha?: string },
): Promise<{ commitSha: string }> {
  const put = () =>
    client.request('PUT /repos/{owner}/{repo}/contents/{path}', {
      ...repo,
      path: request.path,
      branch: request.branch,
      message: request.message,
      content: Buffer.from(request.content, 'utf8').toString('base64'),
      ...(request.sha === undefined ? {} : { sha: request.sha }),
      // The client's own retries would resend a write GitHub refused as out of date (409) unchanged; a stale
      // write is answered by reading the file again instead, and only a server error is tried again here.
      request: { retries: 0 },
    });
  try {
    let response;
    try {
      response = await put();
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      if (typeof status !== 'number' || status < 500) throw error;
      await new Promise((resolve) => setTimeout(resolve, SERVER_ERROR_RETRY_MS));
      response = await put();
    }
    await rememberBlob(client, repo, request.content);
    return { commitSha: response.data.commit.sha ?? '' };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    // GitHub answers 409 for a stale sha, and 422 when the file was created meanwhile and no sha was sent.
    if (status === 422 && request.sha === undefined) {
      const message = error instanceof Error ? error.message : String(error);
      throw toAgentOsError(
        { status: 409, message, response: (error as { response?: unknown }).response },
        `Writing ${request.path}`,
      );
    }
    throw toAgentOsError(error, `Writing ${request.path}`);
  }
}
