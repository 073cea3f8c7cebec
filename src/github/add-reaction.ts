import type { GitHubClient, RepoRef } from './github-client.js';

export type Reaction = 'eyes' | 'rocket' | 'confused' | '+1';

/**
 * React to a comment. GitHub keeps one reaction per kind and person, so repeating it changes nothing. A
 * reaction is a courtesy: failing to add one never fails the command (the caller gets `false`).
 */
export async function addReaction(
  client: GitHubClient,
  repo: RepoRef,
  commentId: number,
  content: Reaction,
): Promise<boolean> {
  try {
    await client.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
      ...repo,
      comment_id: commentId,
      content,
    });
    return true;
  } catch {
    return false;
  }
}
