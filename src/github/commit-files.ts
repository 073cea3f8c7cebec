import { AgentOsError } from '../core/errors.js';
import { rememberBlob } from './conditional-requests.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';
import type { FileToWrite } from './write-files.js';

/**
 * One commit holding `files` on top of `parent` (its tree extended by them): the tree, then the commit. Nothing
 * points at it yet; the caller moves or creates the ref, so a branch shows the whole commit or none of it.
 */
export async function createCommit(
  client: GitHubClient,
  repo: RepoRef,
  request: { parent: { sha: string; treeSha: string }; files: readonly FileToWrite[]; message: string },
): Promise<string> {
  const tree = await client.request('POST /repos/{owner}/{repo}/git/trees', {
    ...repo,
    base_tree: request.parent.treeSha,
    tree: request.files.map((f) => ({
      path: f.path,
      mode: '100644' as const,
      type: 'blob' as const,
      content: f.content,
    })),
  });
  const commit = await client.request('POST /repos/{owner}/{repo}/git/commits', {
    ...repo,
    message: request.message,
    tree: tree.data.sha,
    parents: [request.parent.sha],
  });
  return commit.data.sha;
}

/**
 * Add or replace several files on an existing branch in one commit: tree, commit, then a fast-forward of the
 * ref. When the branch moved since `head` was read (a push, another delivery), the ref is not moved and a
 * `conflict` error says so; nothing half-written is left behind (an unreferenced commit is invisible).
 */
export async function commitFilesOnBranch(
  client: GitHubClient,
  repo: RepoRef,
  request: { branch: string; head: { sha: string; treeSha: string }; files: readonly FileToWrite[]; message: string },
): Promise<{ commitSha: string }> {
  try {
    const commitSha = await createCommit(client, repo, {
      parent: request.head,
      files: request.files,
      message: request.message,
    });
    await client.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
      ...repo,
      ref: `heads/${request.branch}`,
      sha: commitSha,
      force: false,
    });
    await Promise.all(request.files.map((f) => rememberBlob(client, repo, f.content)));
    return { commitSha };
  } catch (error) {
    const http = error as { status?: unknown; message?: unknown };
    if (http.status === 422 && typeof http.message === 'string' && /fast.?forward/i.test(http.message)) {
      throw new AgentOsError(
        'conflict',
        `The branch \`${request.branch}\` changed while the App was writing to it, so nothing was written; repeat the command to write on top of the new commits.`,
        {
          cause: error,
          status: 409,
        },
      );
    }
    throw toAgentOsError(error, `Writing ${request.files.map((f) => f.path).join(', ')} on ${request.branch}`);
  }
}
