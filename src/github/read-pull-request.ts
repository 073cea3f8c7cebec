import { storeOf } from './conditional-requests.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { rememberPullRequest } from './pull-request-memory.js';
import { toAgentOsError } from './to-agent-os-error.js';

export interface PullRequestState {
  number: number;
  headSha: string;
  /** The head branch's name. */
  headRef: string;
  /** The head branch is in this repository (not a fork's branch that happens to have the same name). */
  headInRepository: boolean;
  /** The head branch's repository (`owner/name`), or `null` when its fork was deleted. */
  headRepository: string | null;
  body: string | null;
  htmlUrl: string;
  updatedAt: string;
}

/** Whether the head branch is the base repository's own (a deleted fork's head has no repository at all). */
function sameRepository(data: { head: unknown; base: unknown }): boolean {
  const head = (data.head as { repo?: { full_name?: string } | null } | undefined)?.repo?.full_name;
  const base = (data.base as { repo?: { full_name?: string } | null } | undefined)?.repo?.full_name;
  return head !== undefined && head === base;
}

/** Read a pull request's current head and description from the API (never from a possibly replayed payload). */
export async function readPullRequest(client: GitHubClient, repo: RepoRef, number: number): Promise<PullRequestState> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      ...repo,
      pull_number: number,
    });
    const store = storeOf(client);
    // What the API shows is the newest known state: a payload older than it is a replay (see pull-request-memory).
    if (store !== undefined)
      await rememberPullRequest(store, repo, number, {
        headSha: data.head.sha,
        body: data.body,
        updatedAt: data.updated_at,
      });
    return {
      number: data.number,
      headSha: data.head.sha,
      headRef: data.head.ref,
      headInRepository: sameRepository(data),
      // Typed as always there, but GitHub sends `null` once the fork is deleted.
      headRepository: (data.head as { repo?: { full_name?: string } | null }).repo?.full_name ?? null,
      body: data.body,
      htmlUrl: data.html_url,
      updatedAt: data.updated_at,
    };
  } catch (error) {
    throw toAgentOsError(error, `Reading pull request #${number}`);
  }
}

/** Open pull requests whose head is this commit (check suites of fork pull requests name none). */
export async function findPullRequestsForCommit(client: GitHubClient, repo: RepoRef, sha: string): Promise<number[]> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
      ...repo,
      commit_sha: sha,
    });
    return data.filter((pr) => pr.state === 'open' && pr.head.sha === sha).map((pr) => pr.number);
  } catch (error) {
    throw toAgentOsError(error, `Finding the pull requests of commit ${sha.slice(0, 7)}`);
  }
}
