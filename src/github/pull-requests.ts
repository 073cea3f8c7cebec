import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

export interface PullRequestRef {
  number: number;
  url: string;
  draft: boolean;
  state: 'open' | 'closed';
}

function toRef(data: { number: number; html_url: string; draft?: boolean; state: string }): PullRequestRef {
  return { number: data.number, url: data.html_url, draft: data.draft === true, state: data.state === 'open' ? 'open' : 'closed' };
}

/** The pull request from `branch` (open ones first, then the newest closed one), if any. */
export async function findPullRequestFromBranch(client: GitHubClient, repo: RepoRef, branch: string): Promise<PullRequestRef | undefined> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/pulls', { ...repo, head: `${repo.owner}:${branch}`, state: 'all', per_page: 10 });
    const open = data.find((pr) => pr.state === 'open');
    const chosen = open ?? data[0];
    return chosen === undefined ? undefined : toRef(chosen);
  } catch (error) {
    throw toAgentOsError(error, `Looking for the pull request of ${branch}`);
  }
}

export interface NewPullRequest {
  head: string;
  base: string;
  title: string;
  body: string;
  draft: boolean;
  /** Reuse only an open pull request: a merged or closed one from the same branch gets a new one. */
  openOnly?: boolean;
}

export type PullRequestResult = PullRequestRef & { outcome: 'created' | 'found'; draftUnavailable: boolean };

function messageOf(error: unknown): string {
  const http = error as { message?: unknown; response?: { data?: { errors?: Array<{ message?: string }> } } };
  const nested = http.response?.data?.errors?.map((e) => e.message ?? '').join(' ') ?? '';
  return `${typeof http.message === 'string' ? http.message : ''} ${nested}`;
}

/**
 * Find the pull request from `head`, or open it. Where the repository cannot have draft pull requests (private
 * repositories on some plans), a normal one is opened and `draftUnavailable` says so. A pull request opened at
 * the same moment by another delivery is found, not duplicated.
 */
export async function findOrOpenPullRequest(client: GitHubClient, repo: RepoRef, request: NewPullRequest): Promise<PullRequestResult> {
  const existing = await findPullRequestFromBranch(client, repo, request.head);
  if (existing && (existing.state === 'open' || request.openOnly !== true)) return { ...existing, outcome: 'found', draftUnavailable: false };
  const open = async (draft: boolean) => {
    const { data } = await client.request('POST /repos/{owner}/{repo}/pulls', {
      ...repo,
      head: request.head,
      base: request.base,
      title: request.title,
      body: request.body,
      draft,
    });
    return toRef(data);
  };
  try {
    return { ...(await open(request.draft)), outcome: 'created', draftUnavailable: false };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const message = messageOf(error);
    if (status === 422 && request.draft && /draft/i.test(message)) {
      try {
        return { ...(await open(false)), outcome: 'created', draftUnavailable: true };
      } catch (second) {
        throw toAgentOsError(second, `Opening the pull request from ${request.head}`);
      }
    }
    if (status === 422 && /already exists/i.test(message)) {
      const raced = await findPullRequestFromBranch(client, repo, request.head);
      if (raced) return { ...raced, outcome: 'found', draftUnavailable: false };
    }
    throw toAgentOsError(error, `Opening the pull request from ${request.head}`);
  }
}
