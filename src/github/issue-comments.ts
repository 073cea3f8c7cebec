import { rememberAppLogin } from './app-identity.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

export interface IssueComment {
  id: number;
  body: string;
  author: string;
  /** Written by a bot (GitHub App or Actions): only such comments count as ours. */
  byBot: boolean;
  createdAt: string;
}

export type WriteOutcome = 'created' | 'updated' | 'unchanged';

/** Every comment of an issue or pull request, oldest first (paginated). */
export async function listIssueComments(client: GitHubClient, repo: RepoRef, number: number): Promise<IssueComment[]> {
  try {
    const data = await client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...repo,
      issue_number: number,
      per_page: 100,
    });
    return data.map((c) => ({
      id: c.id,
      body: c.body ?? '',
      author: c.user?.login ?? '',
      byBot: c.user?.type === 'Bot',
      createdAt: c.created_at,
    }));
  } catch (error) {
    throw toAgentOsError(error, `Reading the comments of #${number}`);
  }
}

/** Our comments (a bot's) that `isOurs` recognises by their hidden marker, oldest first. */
export function findOurComments(comments: readonly IssueComment[], isOurs: (body: string) => boolean): IssueComment[] {
  return comments.filter((c) => c.byBot && isOurs(c.body)).sort((a, b) => a.id - b.id);
}

/** One comment, read again through the API (a replayed payload may hold an old text); `undefined` if deleted. */
export async function readIssueComment(
  client: GitHubClient,
  repo: RepoRef,
  id: number,
): Promise<IssueComment | undefined> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      ...repo,
      comment_id: id,
    });
    return {
      id: Number(data.id),
      body: data.body ?? '',
      author: data.user?.login ?? '',
      byBot: data.user?.type === 'Bot',
      createdAt: data.created_at,
    };
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return undefined;
    throw toAgentOsError(error, `Reading comment ${id}`);
  }
}

export async function createIssueComment(
  client: GitHubClient,
  repo: RepoRef,
  number: number,
  body: string,
): Promise<IssueComment> {
  try {
    const { data } = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...repo,
      issue_number: number,
      body,
    });
    await rememberAppLogin(client, data.user?.login);
    return {
      id: Number(data.id),
      body: data.body ?? body,
      author: data.user?.login ?? '',
      byBot: true,
      createdAt: data.created_at,
    };
  } catch (error) {
    throw toAgentOsError(error, `Commenting on #${number}`);
  }
}

/**
 * Keep exactly one comment of ours with this marker: create it, update it only when its text differs, and
 * delete newer duplicates left by a race (the oldest wins). `comments` is the issue's list, read once by the caller.
 */
export async function upsertMarkedComment(
  client: GitHubClient,
  repo: RepoRef,
  request: {
    number: number;
    isOurs: (body: string) => boolean;
    body: string;
    comments: readonly IssueComment[];
    /**
     * After creating, read the comments again and keep only the oldest of ours: where another replica may be
     * creating the same comment at this moment (one more request, only when a comment is created).
     */
    settle?: boolean;
  },
): Promise<{ outcome: WriteOutcome; comment: IssueComment }> {
  const [oldest, ...duplicates] = findOurComments(request.comments, request.isOurs);
  try {
    for (const duplicate of duplicates) {
      await client
        .request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: duplicate.id })
        .catch((error: unknown) => {
          if ((error as { status?: unknown }).status !== 404) throw error;
        });
    }
    if (oldest === undefined) {
      const created = await createIssueComment(client, repo, request.number, request.body);
      if (request.settle !== true) return { outcome: 'created', comment: created };
      const [first] = findOurComments(await listIssueComments(client, repo, request.number), request.isOurs);
      if (first === undefined || first.id >= created.id) return { outcome: 'created', comment: created };
      // Another replica's comment came first: it stays, ours goes, whichever of the two looks first.
      await deleteIssueComment(client, repo, created.id);
      return { outcome: 'unchanged', comment: first };
    }
    if (oldest.body === request.body) return { outcome: 'unchanged', comment: oldest };
    await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      ...repo,
      comment_id: oldest.id,
      body: request.body,
    });
    return { outcome: 'updated', comment: { ...oldest, body: request.body } };
  } catch (error) {
    throw toAgentOsError(error, `Updating our comment on #${request.number}`);
  }
}

/**
 * Edit one comment by its id: `false` when it is gone (deleted since), for the caller to find or create it. `doing`
 * names the step in an error (`Putting the checklist back`).
 */
export async function updateIssueComment(
  client: GitHubClient,
  repo: RepoRef,
  id: number,
  body: string,
  doing = `Updating comment ${id}`,
): Promise<boolean> {
  try {
    await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: id, body });
    return true;
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return false;
    throw toAgentOsError(error, doing);
  }
}

/** Delete a comment; one already gone is fine. */
export async function deleteIssueComment(client: GitHubClient, repo: RepoRef, id: number): Promise<void> {
  try {
    await client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: id });
  } catch (error) {
    if ((error as { status?: unknown }).status !== 404) throw toAgentOsError(error, `Deleting comment ${id}`);
  }
}
