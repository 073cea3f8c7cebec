import { AgentOsError } from '../core/errors.js';
import { rememberBlob } from './conditional-requests.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';
import type { FileToWrite } from './write-files.js';

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
    const tree = await client.request('POST /repos/{owner}/{repo}/git/trees', {
      ...repo,
      base_tree: request.head.treeSha,
      tree: request.files.map((f) => ({ path: f.path, mode: '100644' as const, type: 'blob' as const, content: f.content })),
    });
    const commit = await client.request('POST /repos/{owner}/{repo}/git/commits', {
      ...repo,
      message: request.message,
      tree: tree.data.sha,
      parents: [request.head.sha],
    });
    await client.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...repo, ref: `heads/${request.branch}`, sha: commit.data.sha, force: false });
    await Promise.all(request.files.map((f) => rememberBlob(client, repo, f.content)));
    return { commitSha: commit.data.sha };
  } catch (error) {
    const http = error as { status?: unknown; message?: unknown };
    if (http.status === 422 && typeof http.message === 'string' && /fast.?forward/i.test(http.message)) {
      throw new AgentOsError('conflict', `The branch \`${request.branch}\` changed while the App was writing to it, so nothing was written; repeat the command to write on top of the new commits.`, {
        cause: error,
        status: 409,
      });
    }
    throw toAgentOsError(error, `Writing ${request.files.map((f) => f.path).join(', ')} on ${request.branch}`);
  }
}
